import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
export declare function registerAuditRoutes(app: FastifyInstance, context: AppContext): void;
