import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { MembershipActor, MembershipDeps } from '../memberships/membership-actor.js';
import { IdParamsSchema } from '../memberships/memberships.schema.js';
import { MEMBERSHIP_PERMISSIONS } from '../memberships/permissions.js';
import { CampaignListQuerySchema, CampaignListSchema, CampaignSchema, CreateCampaignSchema } from './campaigns.schema.js';
import { getCampaign, launchCampaign, searchCampaigns } from './campaigns.service.js';

const TAGS = ['membership'];
const { read, campaignsRun } = MEMBERSHIP_PERMISSIONS;
const BASE = '/api/v1/membership/campaigns';

/** Renewal campaigns: one per entity and year, run in the background, with progress. */
export async function campaignRoutes(instance: FastifyInstance, deps: MembershipDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): MembershipActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    BASE,
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "Renewal campaigns of one's entities, latest year first", querystring: CampaignListQuerySchema, response: { 200: CampaignListSchema, ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => ({ items: await searchCampaigns(deps.database, dbScopeFor(request, read), request.query) }),
  );

  app.post(
    BASE,
    {
      preHandler: requirePermission(campaignsRun),
      schema: {
        tags: TAGS,
        summary: 'Launch (or resume) the renewal campaign of an entity for a year',
        description:
          'Answers 202 with the campaign; a background job issues one renewal invoice per member due, exactly once even if launched twice. Follow `counts` at GET …/campaigns/{id}.',
        body: CreateCampaignSchema,
        response: { 202: CampaignSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const campaign = await launchCampaign(deps, actorOf(request), request.body);
      return reply.code(202).header('location', `${BASE}/${campaign.id}`).send(campaign);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: 'A renewal campaign and its progress', params: IdParamsSchema, response: { 200: CampaignSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => getCampaign(deps.database, dbScopeFor(request, read), request.params.id),
  );
}
