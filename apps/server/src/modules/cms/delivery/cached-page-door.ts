import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { FrontDoorHandler } from '../../../platform/http/front-door.js';
import { classifyRoute, completionLogger, requestIdOf, type Metrics } from '../../../platform/observability/index.js';
import type { SiteRow } from './delivery.repository.js';
import { hostOf } from './delivery.routes.js';
import { isFresh } from './http-caching.js';
import type { CachedPage } from './page-cache.js';
import type { SiteDirectory } from './site-directory.js';
import type { SiteResponder } from './site-responder.js';

/**
 * URLs the door answers: no query string (pages of lists, searches, previews and tracking
 * parameters take the full path) and no escapes, so the path is the one Fastify would route.
 */
const PLAIN_URL = /^\/[A-Za-z0-9/_.~-]*$/;
const EMBEDDED = /^\/sites\/([^/]{1,100})(\/.*)?$/;

interface Target {
  site: SiteRow;
  basePath: string;
  rawPath: string;
  /** The template of the route Fastify would have matched, for the log line and metrics. */
  route: string;
}

export interface CachedPageDoorOptions {
  directory: SiteDirectory;
  responder: SiteResponder;
  log: FastifyBaseLogger;
  metrics: Metrics;
}

/**
 * Public pages already rendered and cached, answered at the front door (ADR 0025): same bytes,
 * headers, 304s, log line and metrics as the routes of delivery.routes.ts, none of the per-request
 * stack. Anything it is not sure about — unknown site state, a page not in the cache or not yet
 * served once by Fastify, a cookie or Origin, HEAD, a query string — goes to Fastify.
 */
export function cachedPageDoor({ directory, responder, log, metrics }: CachedPageDoorOptions): FrontDoorHandler {
  const completions = completionLogger(log);
  const prepared = new WeakMap<CachedPage, { full: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders }>();
  const headersOf = (page: CachedPage) => {
    let headers = prepared.get(page);
    if (!headers) {
      const shared = page.sharedHeaders ?? {};
      headers = { full: { ...shared, 'content-type': page.contentType, 'content-length': Buffer.byteLength(page.body) }, notModified: { ...shared } };
      prepared.set(page, headers);
    }
    return headers;
  };

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const started = performance.now();
    const { headers } = request;
    if (request.method !== 'GET' || headers.cookie !== undefined || headers.origin !== undefined) return false;
    const target = locate(request, directory);
    const page = target && responder.cached(target.site, target.basePath, target.rawPath);
    if (!target || !page?.sharedHeaders) return false;

    const notModified = page.status === 200 && isFresh(request, page.etag, page.lastModified);
    const status = notModified ? 304 : page.status;
    const prepared = headersOf(page);
    const requestId = requestIdOf(headers);
    // One header object per page, its request id set just before use: writeHead copies it at once,
    // and without setHeader beforehand Node takes its fast path (no per-header setHeader calls).
    const outgoing = notModified ? prepared.notModified : prepared.full;
    outgoing['x-request-id'] = requestId;
    response.writeHead(status, outgoing);
    response.end(notModified ? undefined : page.body);

    const durationMs = performance.now() - started;
    completions.info({ requestId, method: 'GET', route: target.route, status, durationMs: Math.round(durationMs * 100) / 100 }, 'request completed');
    metrics.observeHttp({ method: 'GET', route: target.route, routeClass: routeClassOf(target.route), statusCode: status, durationSeconds: durationMs / 1000 });
    return true;
  };
}

const CLASS_OF_ROUTE = new Map(['/sites/:slug', '/sites/:slug/*', '/', '/*'].map((route) => [route, classifyRoute({ method: 'GET', route, query: {} })]));
const routeClassOf = (route: string) => CLASS_OF_ROUTE.get(route) ?? 'internal';

/** The site and path the routes of delivery.routes.ts would serve for this URL, when already known. */
function locate(request: IncomingMessage, directory: SiteDirectory): Target | undefined {
  const url = request.url ?? '';
  // API calls are most of the traffic: declined before any parsing (a site page under /api/, if
  // ever, is then served by its route like any page not cached).
  if (url.startsWith('/api/') || !PLAIN_URL.test(url)) return undefined;
  const embedded = EMBEDDED.exec(url);
  if (embedded) {
    const [, slug = '', rest] = embedded;
    const site = directory.known('slug', slug);
    if (!site) return undefined;
    return rest === undefined
      ? { site, basePath: `/sites/${slug}`, rawPath: '/', route: '/sites/:slug' }
      : { site, basePath: `/sites/${slug}`, rawPath: rest, route: '/sites/:slug/*' };
  }
  const site = directory.known('host', hostOf(request));
  if (!site) return undefined;
  return { site, basePath: '', rawPath: url, route: url === '/' ? '/' : '/*' };
}
