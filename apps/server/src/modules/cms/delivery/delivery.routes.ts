import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { SiteDirectory } from './site-directory.js';
import type { SiteResponder } from './site-responder.js';

const SITE_HOST_CONSTRAINT = 'cmsSiteHost';

const PublicQuerySchema = Type.Object(
  {
    page: Type.Optional(Type.String({ maxLength: 10, description: 'Page of a list (1, 2, …)' })),
    q: Type.Optional(Type.String({ maxLength: 500, description: 'Search terms (/recherche)' })),
    token: Type.Optional(Type.String({ maxLength: 500, description: 'Signed preview token (/_preview)' })),
  },
  // Public links carry tracking parameters (utm_*, fbclid…): ignored, never refused.
  { additionalProperties: true },
);
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }), '*': Type.Optional(Type.String()) });
const AnyPathParams = Type.Object({ '*': Type.Optional(Type.String()) });

/**
 * The Host header without port, lower-case. Read from the raw headers because the route constraint
 * sees the Node request, not Fastify's: a reverse proxy must pass the original Host through.
 */
export function hostOf(request: { headers: { host?: string | undefined } }): string {
  const host = request.headers.host ?? '';
  return host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Public sites, in two modes:
 * - embedded: `/sites/<slug>/…` on the application's own host (always available);
 * - host mapping: a request whose Host is one of a site's `host_names` gets that site at `/…`.
 *   The routes carry a route constraint derived from the Host header, so for any other host
 *   `/` and `/*` fall through to the back-office SPA (or a 404), and `/api/…` always wins.
 */
export function registerDeliveryRoutes(app: FastifyInstance, directory: SiteDirectory, responder: SiteResponder): void {
  app.addConstraintStrategy({
    name: SITE_HOST_CONSTRAINT,
    storage() {
      const handlers = new Map<string, unknown>();
      return {
        get: (value: string) => (handlers.get(value) ?? null) as never,
        set: (value: string, store: unknown) => {
          handlers.set(value, store);
        },
      };
    },
    deriveConstraint(request: { headers: { host?: string } }, _context: unknown, done: (error: Error | null, value?: string) => void) {
      const host = hostOf(request);
      // Every request of the app comes here: answer at once when the host names are known.
      const known = directory.isSiteHostNow(host);
      if (known !== undefined) return done(null, known ? 'site' : undefined);
      directory.isSiteHost(host).then(
        (isSite) => done(null, isSite ? 'site' : undefined),
        // The database is unreachable: serve what does not depend on it (health, SPA).
        () => done(null, undefined),
      );
    },
    mustMatchWhenDerived: false,
  } as never);

  const embedded = { hide: true, params: SlugParams, querystring: PublicQuerySchema };
  app.get('/sites/:slug', { schema: embedded }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    return responder.respond(request, reply, await directory.bySiteSlug(slug), `/sites/${slug}`, '/');
  });
  app.get('/sites/:slug/*', { schema: embedded }, async (request, reply) => {
    const { slug, '*': rest } = request.params as { slug: string; '*'?: string };
    return responder.respond(request, reply, await directory.bySiteSlug(slug), `/sites/${slug}`, `/${rest ?? ''}`);
  });

  const hosted = { schema: { hide: true, params: AnyPathParams, querystring: PublicQuerySchema }, constraints: { [SITE_HOST_CONSTRAINT]: 'site' } };
  app.get('/', hosted, async (request, reply) => responder.respond(request, reply, await directory.bySiteHost(hostOf(request)), '', '/'));
  app.get('/*', hosted, async (request, reply) => {
    const { '*': rest } = request.params as { '*'?: string };
    return responder.respond(request, reply, await directory.bySiteHost(hostOf(request)), '', `/${rest ?? ''}`);
  });
}
