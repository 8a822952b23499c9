import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { dbScopeFor, requirePermission } from '../../../platform/auth/index.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { actorOf, CMS_TAGS, OPTIONAL_IF_MATCH, optionalExpectedVersion } from '../core/cms-http.js';
import { ContentIdParamsSchema } from '../contents/contents.schema.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { SiteIdParamsSchema } from '../sites/sites.schema.js';
import { InboxQuerySchema, OfferSyndicationSchema, SyndicationIdParamsSchema, SyndicationListSchema, SyndicationSchema } from './syndication.schema.js';
import { decideSyndication, offerSyndication, syndicationInbox, syndicationsOfContent } from './syndication.service.js';

/** Syndication: an origin offers an article to descendant sites, which accept or decline it. */
export async function syndicationRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.post(
    '/api/v1/cms/contents/:id/syndication',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.publish),
      schema: {
        tags: CMS_TAGS,
        summary: 'Offer an article to all or some sites of descendant entities (publishers of the origin)',
        description: 'Existing offers keep their status (a declined offer is not re-opened); withdrawn ones are offered again.',
        params: ContentIdParamsSchema,
        body: OfferSyndicationSchema,
        response: { 200: SyndicationListSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request) => ({ items: await offerSyndication(deps, actorOf(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/v1/cms/contents/:id/syndication',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'The offers of an article and their answers', params: ContentIdParamsSchema, response: { 200: SyndicationListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => ({ items: await syndicationsOfContent(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.id) }),
  );

  app.get(
    '/api/v1/cms/sites/:siteId/syndication-inbox',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: {
        tags: CMS_TAGS,
        summary: 'Articles offered to a site (newest first, at most 500)',
        params: SiteIdParamsSchema,
        querystring: InboxQuerySchema,
        response: { 200: SyndicationListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => ({
      items: await syndicationInbox(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.siteId, request.query['filter[status]']),
    }),
  );

  for (const [action, decision, summary] of [
    ['accept', 'accepted', "Accept an offered article on the receiving site (its publishers)"],
    ['decline', 'declined', 'Decline an offered article: it is no longer shown on the receiving site'],
    ['withdraw', 'withdrawn', "Withdraw an offer (the origin's publishers)"],
  ] as const) {
    app.post(
      `/api/v1/cms/syndications/:id/${action}`,
      {
        preHandler: requirePermission(CMS_PERMISSIONS.publish),
        schema: {
          tags: CMS_TAGS,
          summary,
          params: SyndicationIdParamsSchema,
          headers: OPTIONAL_IF_MATCH,
          response: { 200: SyndicationSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412) },
        },
      },
      async (request, reply) => {
        const syndication = await decideSyndication(deps, actorOf(request), request.params.id, optionalExpectedVersion(request), decision);
        setEtag(reply, syndication.version);
        return syndication;
      },
    );
  }
}
