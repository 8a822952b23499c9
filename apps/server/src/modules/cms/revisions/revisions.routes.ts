import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { dbScopeFor, requirePermission } from '../../../platform/auth/index.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { actorOf, CMS_TAGS, OPTIONAL_IF_MATCH, optionalExpectedVersion } from '../core/cms-http.js';
import { ContentIdParamsSchema, ContentSchema } from '../contents/contents.schema.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { CompareQuerySchema, RevisionDiffSchema, RevisionListSchema, RevisionParamsSchema, RevisionSchema } from './revisions.schema.js';
import { compareRevisions, getRevision, listRevisions, restoreRevision } from './revisions.service.js';

/** Revision history of a content item: list, read, compare, restore. */
export async function revisionRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/v1/cms/contents/:id/revisions',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'Revisions of an item, newest first', params: ContentIdParamsSchema, response: { 200: RevisionListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => ({ items: await listRevisions(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.id) }),
  );

  // Declared before `/:revisionId` for readability; Fastify prefers the static segment anyway.
  app.get(
    '/api/v1/cms/contents/:id/revisions/compare',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: {
        tags: CMS_TAGS,
        summary: 'Compare two revisions: changed fields and a word diff of the text',
        params: ContentIdParamsSchema,
        querystring: CompareQuerySchema,
        response: { 200: RevisionDiffSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => compareRevisions(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/api/v1/cms/contents/:id/revisions/:revisionId',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'Read one revision', params: RevisionParamsSchema, response: { 200: RevisionSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => getRevision(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.id, request.params.revisionId),
  );

  app.post(
    '/api/v1/cms/contents/:id/revisions/:revisionId/restore',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      schema: {
        tags: CMS_TAGS,
        summary: 'Restore an old revision as a new draft revision (the published one is untouched)',
        params: RevisionParamsSchema,
        headers: OPTIONAL_IF_MATCH,
        response: { 200: ContentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412) },
      },
    },
    async (request, reply) => {
      const content = await restoreRevision(deps, actorOf(request), request.params.id, request.params.revisionId, optionalExpectedVersion(request));
      setEtag(reply, content.version);
      return content;
    },
  );
}
