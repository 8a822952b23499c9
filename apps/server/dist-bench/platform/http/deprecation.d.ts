import type { FastifyInstance } from 'fastify';
/**
 * Route option `config: { deprecation: { since, sunset?, link? } }` → on every response
 * `Deprecation: @<unix seconds>` (RFC 9745), `Sunset: <HTTP-date>` (RFC 8594),
 * `Link: <…>; rel="deprecation"`, and `deprecated: true` on the OpenAPI operation.
 */
export interface DeprecationOptions {
    /** Date (YYYY-MM-DD or RFC 3339) from which the route is deprecated. */
    since: string;
    /** Date after which the route may be removed. */
    sunset?: string;
    /** Human-readable migration notes. */
    link?: string;
}
declare module 'fastify' {
    interface FastifyContextConfig {
        deprecation?: DeprecationOptions;
    }
}
export declare function deprecationHeaders(options: DeprecationOptions): Record<string, string>;
/** Must be registered before @fastify/swagger so that the document sees `deprecated: true`. */
export declare function registerDeprecation(app: FastifyInstance): void;
