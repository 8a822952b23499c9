import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import { dbScopeFor, requirePermission } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { actorOf, CMS_TAGS, expectedVersion, IF_MATCH } from '../core/cms-http.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { SiteIdParamsSchema } from '../sites/sites.schema.js';
import { getContent, listContents, pageTree } from './contents-read.service.js';
import { createContent, moveContent, patchContent, removeContent } from './contents-write.service.js';
import { contentCollection } from './contents.collection.js';
import { ContentIdParamsSchema, ContentPatchSchema, ContentSchema, ContentSummarySchema, CreateContentSchema, MoveContentSchema, PageTreeSchema } from './contents.schema.js';

/** `/api/v1/cms/contents`: pages, articles and documents of the sites (working copies; the public sees published revisions). */
export async function contentRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/v1/cms/contents',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: {
        tags: CMS_TAGS,
        summary: "List your sites' content (filter by site, kind, status, live…; bodies are left out)",
        querystring: contentCollection.querystring,
        response: { 200: CollectionEnvelope(ContentSummarySchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listContents(database, dbScopeFor(request, CMS_PERMISSIONS.read), contentCollection.parse(request.query))),
  );

  app.post(
    '/api/v1/cms/sites/:siteId/contents',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      schema: {
        tags: CMS_TAGS,
        summary: 'Create a page, article or document (a draft, revision 1)',
        description: '422 lists every invalid field (rich text nodes included, with pointers); 409 `content_path_taken` when the path exists in the site.',
        params: SiteIdParamsSchema,
        body: CreateContentSchema,
        response: { 201: ContentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const content = await createContent(deps, actorOf(request), request.params.siteId, request.body);
      setEtag(reply, content.version);
      return reply.code(201).header('location', `/api/v1/cms/contents/${content.id}`).send(content);
    },
  );

  app.get(
    '/api/v1/cms/sites/:siteId/page-tree',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'The pages of a site as a tree', params: SiteIdParamsSchema, response: { 200: PageTreeSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => ({ items: await pageTree(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.siteId) }),
  );

  app.get(
    '/api/v1/cms/contents/:id',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'Read a content item (its working copy)', params: ContentIdParamsSchema, response: { 200: ContentSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const content = await getContent(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.id);
      setEtag(reply, content.version);
      return content;
    },
  );

  app.patch(
    '/api/v1/cms/contents/:id',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      preValidation: requireMergePatch,
      schema: {
        tags: CMS_TAGS,
        summary: 'Save changes (a new revision when the text or fields change; JSON Merge Patch, If-Match required)',
        params: ContentIdParamsSchema,
        headers: IF_MATCH,
        body: ContentPatchSchema,
        response: { 200: ContentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const content = await patchContent(deps, actorOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, content.version);
      return content;
    },
  );

  app.post(
    '/api/v1/cms/contents/:id/move',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      schema: {
        tags: CMS_TAGS,
        summary: 'Move a page in the tree (its sub-pages follow; If-Match required)',
        params: ContentIdParamsSchema,
        headers: IF_MATCH,
        body: MoveContentSchema,
        response: { 200: ContentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 422, 428) },
      },
    },
    async (request, reply) => {
      const content = await moveContent(deps, actorOf(request), request.params.id, expectedVersion(request), request.body);
      setEtag(reply, content.version);
      return content;
    },
  );

  app.delete(
    '/api/v1/cms/contents/:id',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      schema: {
        tags: CMS_TAGS,
        summary: 'Delete an item that is not live and has no sub-pages (with its revisions)',
        params: ContentIdParamsSchema,
        headers: IF_MATCH,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await removeContent(deps, actorOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
}
