import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
/** The header the back-office sends with the entity chosen in its branch switcher. */
export declare const ENTITY_HEADER = "x-entity-id";
/**
 * Fastify's own request lines log the raw URL (query strings may carry personal data) and come in
 * pairs. This controller writes one line per request, on completion, with ids and the route
 * template only, and drops Fastify's "route not found" line (its URL is raw; the completion line
 * records the 404 as route `unmatched`).
 */
export declare class RequestLogController extends LogController {
    constructor();
    incomingRequest(): void;
    routeNotFound(): void;
    requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void;
}
export interface CompletionLine {
    method: string;
    route: string;
    status: number;
    durationMs: number;
    userId?: string;
    entityId?: string;
}
export declare function completionLine(request: FastifyRequest, reply: FastifyReply): CompletionLine;
/** The route template (`/api/v1/entities/:id`), or `unmatched` when no route matched: never the raw URL. */
export declare function routeTemplate(request: FastifyRequest): string;
/**
 * The entity a request acts on, when it names one: an `:entityId` route parameter, the `:id` of
 * an entity route, else the back-office's X-Entity-Id header. Only UUIDs are kept, so a header
 * cannot smuggle free text into the logs.
 */
export declare function requestEntityId(request: FastifyRequest): string | undefined;
