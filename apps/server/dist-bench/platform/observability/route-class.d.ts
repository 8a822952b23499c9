/**
 * Route classes group routes that share a latency objective (docs/slo.md). A route gets its class
 * from its method and template; a route the rules misjudge declares `config: { sloClass: '…' }`.
 */
export declare const ROUTE_CLASSES: readonly ["read_by_id", "collection", "search", "write", "export", "ai_answer", "internal", "unmatched"];
export type RouteClass = (typeof ROUTE_CLASSES)[number];
declare module 'fastify' {
    interface FastifyContextConfig {
        /** Overrides the route class derived from the method and template (see route-class.ts). */
        sloClass?: RouteClass;
    }
}
export interface RouteFacts {
    method: string;
    /** Route template, or `unmatched`. */
    route: string;
    query: unknown;
    /** Content-Type of the response: a collection asked for as CSV is an export. */
    contentType?: string | undefined;
    declared?: RouteClass | undefined;
}
export declare function classifyRoute({ method, route, query, contentType, declared }: RouteFacts): RouteClass;
