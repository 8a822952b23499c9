import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/index.js';
import { collectionResponse, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { isFresh, strongEtag } from './http-caching.js';
import { publicContentCollection } from './headless.collection.js';
import { PublicContentParamsSchema, PublicContentSchema, PublicContentSummarySchema, PublicSiteParamsSchema } from './headless.schema.js';
import { listPublicContents, readPublicContent } from './headless.service.js';
import type { SiteDirectory } from './site-directory.js';

const TAGS = ['Public sites'];
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/**
 * Headless API for other front-ends: published, public content only, no authentication.
 * Responses carry a strong ETag (304 on If-None-Match) and a short public Cache-Control.
 */
export function registerHeadlessRoutes(app: FastifyInstance, deps: { database: Database; directory: SiteDirectory; publicUrl: string }): void {
  app.get(
    '/api/v1/public/sites/:slug/contents',
    {
      schema: {
        tags: TAGS,
        summary: 'Published public contents of a site',
        description: 'Pages, articles and documents live on the site (articles syndicated to it included), newest first. Members-only content is never listed. No authentication.',
        params: PublicSiteParamsSchema,
        querystring: publicContentCollection.querystring,
        response: { 200: collectionResponse(PublicContentSummarySchema), ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const raw = request.query as Record<string, unknown>;
      const query = publicContentCollection.parse(raw);
      const page = await listPublicContents(deps, await deps.directory.bySiteSlug(slug), query, {
        ...(typeof raw['filter[category]'] === 'string' ? { category: raw['filter[category]'] } : {}),
        ...(typeof raw['filter[tag]'] === 'string' ? { tag: raw['filter[tag]'] } : {}),
      });
      return sendJson(request, reply, toEnvelope(page));
    },
  );

  app.get(
    '/api/v1/public/sites/:slug/contents/*',
    {
      schema: {
        tags: TAGS,
        summary: 'One published public content of a site, by path',
        description: 'The published revision: rich-text body (JSON), the same body as safe HTML, and plain text. 404 for unpublished or members-only content.',
        params: PublicContentParamsSchema,
        response: { 200: PublicContentSchema, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const { slug, '*': path } = request.params as { slug: string; '*': string };
      return sendJson(request, reply, await readPublicContent(deps, await deps.directory.bySiteSlug(slug), `/${path}`));
    },
  );
}

function sendJson(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply | unknown {
  const etag = strongEtag(JSON.stringify(body));
  void reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  if (isFresh(request, etag, '')) return reply.status(304).send();
  return body;
}
