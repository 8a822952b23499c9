import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { findOrganizationDuplicates, findPersonDuplicates } from './duplicates.repository.js';
import { DuplicatesQuerySchema, MergeBodySchema, MergeParamsSchema, MergeResultSchema, OrganizationDuplicateSchema, PersonDuplicateSchema } from './duplicates.schema.js';
import { mergeOrganizations } from './organization-merge.service.js';
import { MERGE_PERMISSIONS } from './permissions.js';
import { mergePersons, type MergeActor } from './person-merge.service.js';

const TAGS = ['crm'];

/** Likely duplicates (`/api/v1/duplicates/…`) and merges (`POST …/{id}/merge`). */
export async function deduplicationRoutes(instance: FastifyInstance, { database }: { database: Database }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): MergeActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });
  const guard = requirePermission(MERGE_PERMISSIONS.merge);

  app.get(
    '/api/v1/duplicates/persons',
    {
      preHandler: guard,
      schema: {
        tags: TAGS,
        summary: 'Likely duplicate contacts among yours: same e-mail, or similar names at the same company or postal code',
        querystring: DuplicatesQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(PersonDuplicateSchema) }), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => {
      const items = await withTransaction(database, dbScopeFor(request, MERGE_PERMISSIONS.merge), (tx) => findPersonDuplicates(tx, request.query.limit ?? 50), {
        readOnly: true,
      });
      return { items };
    },
  );

  app.get(
    '/api/v1/duplicates/organizations',
    {
      preHandler: guard,
      schema: {
        tags: TAGS,
        summary: 'Likely duplicate companies among those you follow: similar names in the same postal code',
        querystring: DuplicatesQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(OrganizationDuplicateSchema) }), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => {
      const items = await withTransaction(
        database,
        dbScopeFor(request, MERGE_PERMISSIONS.merge),
        (tx) => findOrganizationDuplicates(tx, request.query.limit ?? 50),
        { readOnly: true },
      );
      return { items };
    },
  );

  app.post(
    '/api/v1/persons/:id/merge',
    {
      preHandler: guard,
      schema: {
        tags: TAGS,
        summary: 'Merge duplicate contacts into this one (the survivor), then delete them',
        description:
          'One transaction: addresses, affiliations and consents move to the survivor (and its entity), interactions to its timeline; ' +
          'each merged contact is audited with a snapshot. 404 for contacts outside your reach, 409 `merge_email_conflict`, 403 `merge_outside_scope`.',
        params: MergeParamsSchema,
        body: MergeBodySchema,
        response: { 200: MergeResultSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request) => mergePersons(database, actorOf(request), request.params.id, request.body.duplicateIds),
  );

  app.post(
    '/api/v1/organizations/:id/merge',
    {
      preHandler: guard,
      schema: {
        tags: TAGS,
        summary: 'Merge duplicate companies into this one (the survivor), then delete them',
        description:
          'One transaction: links (folded per entity), affiliations and interactions of every branch move to the survivor; each merged company ' +
          'is audited with a snapshot. Companies followed by branches you do not administer need a national admin (403 `merge_outside_scope`).',
        params: MergeParamsSchema,
        body: MergeBodySchema,
        response: { 200: MergeResultSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 422) },
      },
    },
    async (request) => mergeOrganizations(database, actorOf(request), request.params.id, request.body.duplicateIds),
  );
}
