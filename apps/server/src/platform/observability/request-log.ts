import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type {} from '../auth/principal.js';

/** Probes and scrapes run every few seconds: their lines go to debug so they do not drown real traffic. */
const QUIET_ROUTES = new Set(['/livez', '/readyz', '/metrics']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The header the back-office sends with the entity chosen in its branch switcher. */
export const ENTITY_HEADER = 'x-entity-id';

/**
 * Fastify's own request lines log the raw URL (query strings may carry personal data) and come in
 * pairs. This controller writes one line per request, on completion, with ids and the route
 * template only, and drops Fastify's "route not found" line (its URL is raw; the completion line
 * records the 404 as route `unmatched`).
 */
export class RequestLogController extends LogController {
  /** See completionLogger; error lines keep going through the request's redacting logger. */
  private completions: FastifyBaseLogger | undefined;

  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = completionLine(request, reply);
    if (error) {
      reply.log.error({ ...line, err: error }, 'request failed while sending the response');
      return;
    }
    this.completions ??= completionLogger(request.server.log);
    const entry = { requestId: request.id, ...line };
    if (QUIET_ROUTES.has(line.route)) this.completions.debug(entry, 'request completed');
    else this.completions.info(entry, 'request completed');
  }
}

/**
 * The logger of completion lines: they hold ids, a route template, status and duration only, so they
 * skip the redaction pass, which cost more than the rest of the line (ADR 0027).
 */
export function completionLogger(log: FastifyBaseLogger): FastifyBaseLogger {
  return log.child({}, { redact: { paths: [] } });
}

export interface CompletionLine {
  method: string;
  route: string;
  status: number;
  durationMs: number;
  userId?: string;
  entityId?: string;
}

export function completionLine(request: FastifyRequest, reply: FastifyReply): CompletionLine {
  const route = routeTemplate(request);
  const line: CompletionLine = {
    method: request.method,
    route,
    status: reply.statusCode,
    durationMs: Math.round(reply.elapsedTime * 100) / 100,
  };
  // `principal` is decorated by the auth plugin; before it runs (or without it) there is none.
  const userId = request.principal?.userId;
  if (userId) line.userId = userId;
  const entityId = requestEntityId(request, route);
  if (entityId) line.entityId = entityId;
  return line;
}

/**
 * The route template (`/api/v1/entities/:id`), or `unmatched` when no route matched: never the raw
 * URL. `options`: the request's route options when the caller has them (Fastify builds them anew on
 * every read of `routeOptions`).
 */
export function routeTemplate(request: FastifyRequest, options?: Pick<FastifyRequest['routeOptions'], 'url'>): string {
  return request.is404 ? 'unmatched' : ((options ?? request.routeOptions).url ?? 'unmatched');
}

/**
 * The entity a request acts on, when it names one: an `:entityId` route parameter, the `:id` of
 * an entity route, else the back-office's X-Entity-Id header. Only UUIDs are kept, so a header
 * cannot smuggle free text into the logs.
 */
export function requestEntityId(request: FastifyRequest, route = routeTemplate(request)): string | undefined {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const candidates = [params.entityId, route.startsWith('/api/v1/entities/:id') ? params.id : undefined, request.headers[ENTITY_HEADER]];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && UUID.test(candidate)) return candidate.toLowerCase();
  }
  return undefined;
}
