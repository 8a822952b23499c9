import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
/**
 * The HTTP conventions every route gets: security headers and CORS, merge-patch bodies, deprecation
 * headers, Idempotency-Key on POST, and the OpenAPI document. Register before any route: the
 * deprecation and idempotency `onRoute` hooks must run before @fastify/swagger records the route.
 */
export declare function registerHttpConventions(app: FastifyInstance, context: {
    config: AppConfig;
    database: Database;
}): Promise<void>;
