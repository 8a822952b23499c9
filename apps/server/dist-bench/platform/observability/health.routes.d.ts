import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
export declare function registerHealthRoutes(app: FastifyInstance, context: AppContext): void;
