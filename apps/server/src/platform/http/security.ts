import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/index.js';

/**
 * The Content-Security-Policy of pages: the back-office, the API docs, everything outside `/api/v1/`
 * (API responses get `apiSecurityHeaders`).
 * - Scripts only from our origin: no inline script, no CDN (the API docs page ships its bundle).
 * - style-src keeps 'unsafe-inline': Angular injects component styles as <style> elements at run
 *   time and Angular Material/CDK set inline styles (overlays, ripples). Removing it needs the
 *   `ngCspNonce` attribute with a per-response nonce in index.html (see docs/api-conventions.md).
 * - img data: URIs for Material icons' and the docs page's inline images.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'"],
};

/** Headers a cross-origin back-office must be allowed to send and read. */
export const CORS_ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-CSRF-Token', 'X-Request-Id'];
export const CORS_EXPOSED_HEADERS = ['ETag', 'Location', 'Idempotency-Replayed', 'Deprecation', 'Sunset', 'Link', 'Retry-After', 'X-Request-Id', 'Content-Disposition'];

export async function registerSecurity(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl' | 'corsOrigins'>): Promise<void> {
  const https = config.publicUrl.startsWith('https://');
  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP_DIRECTIVES, ...(https ? { upgradeInsecureRequests: [] } : {}) },
    },
    // HSTS only when we are reached over HTTPS: on plain http it would be ignored at best.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  const apiHeaders = apiSecurityHeaders(headers);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.url.startsWith(API_PREFIX) ? apiHeaders : headers);
    done();
  });
  // Closed unless origins are listed: the back-office is served from the same origin. Closed means
  // not registered: with `origin: false` the plugin still ran a hook on every request, to add nothing.
  if (config.corsOrigins.length === 0) return;
  await app.register(fastifyCors, {
    origin: config.corsOrigins,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
}

/** Where the JSON API answers; `/api/docs` (an HTML page) keeps the documents' headers. */
const API_PREFIX = '/api/v1/';

/**
 * The headers of API responses (JSON, CSV, XLSX, problems), after OWASP's REST security cheat
 * sheet: nothing in them is ever rendered as a page, so the policy lets them load nothing and be
 * framed nowhere. The document-only headers helmet adds for pages (COOP, Origin-Agent-Cluster,
 * DNS prefetch, IE and Flash switches) are left out: a third of the bytes of a read by id. HSTS
 * is the pages' own, when set.
 */
function apiSecurityHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  const hsts = pageHeaders['strict-transport-security'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}

/**
 * The headers helmet sets, computed once: with our options they do not depend on the request, and
 * building helmet's middleware on every request (what @fastify/helmet does) showed in profiles.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as never, response as never, () => undefined);
  return headers;
}
