import type { FastifyInstance } from 'fastify';
export declare const OPENAPI_PATH = "/api/v1/openapi.json";
export declare const DOCS_PATH = "/api/docs";
/** The contract's version: bump the minor on additive changes, the major (and the /api/vN prefix) on breaking ones. */
export declare const API_VERSION = "1.0.0";
declare module 'fastify' {
    interface FastifySchema {
        hide?: boolean;
        deprecated?: boolean;
        tags?: readonly string[];
        summary?: string;
        description?: string;
        operationId?: string;
        security?: ReadonlyArray<Record<string, readonly string[]>>;
    }
}
/**
 * OpenAPI 3.1 generated from the route schemas (must be registered before any route), served at
 * /api/v1/openapi.json, and browsable at /api/docs with the Swagger UI bundle shipped inside
 * @fastify/swagger-ui (no CDN: the strict CSP holds).
 */
export declare function registerOpenApi(app: FastifyInstance): Promise<void>;
