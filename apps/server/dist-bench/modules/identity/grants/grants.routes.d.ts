import type { FastifyInstance } from 'fastify';
import type { IdentityContext } from '../context/identity-context.js';
/** Grants live under their user: /api/v1/users/{id}/grants. */
export declare function registerGrantRoutes(parent: FastifyInstance, context: IdentityContext): void;
