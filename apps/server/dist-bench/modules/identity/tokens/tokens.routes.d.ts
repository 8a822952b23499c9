import type { FastifyInstance } from 'fastify';
import type { IdentityContext } from '../context/identity-context.js';
export declare function registerTokenRoutes(parent: FastifyInstance, context: IdentityContext): void;
