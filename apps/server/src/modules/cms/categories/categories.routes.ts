import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { dbScopeFor, requirePermission } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { actorOf, CMS_TAGS, expectedVersion, IF_MATCH } from '../core/cms-http.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { SiteIdParamsSchema } from '../sites/sites.schema.js';
import { CategoryIdParamsSchema, CategoryListSchema, CategoryPatchSchema, CategorySchema, CreateCategorySchema } from './categories.schema.js';
import { createCategory, listCategories, patchCategory, removeCategory } from './categories.service.js';

/** Article categories of a site. */
export async function categoryRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/v1/cms/sites/:siteId/categories',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'List the categories of a site', params: SiteIdParamsSchema, response: { 200: CategoryListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request) => ({ items: await listCategories(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.siteId) }),
  );

  app.post(
    '/api/v1/cms/sites/:siteId/categories',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      schema: {
        tags: CMS_TAGS,
        summary: 'Create a category (the slug defaults to one made from the name)',
        params: SiteIdParamsSchema,
        body: CreateCategorySchema,
        response: { 201: CategorySchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request, reply) => {
      const category = await createCategory(database, actorOf(request), request.params.siteId, request.body);
      setEtag(reply, category.version);
      return reply.code(201).send(category);
    },
  );

  app.patch(
    '/api/v1/cms/categories/:categoryId',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      preValidation: requireMergePatch,
      schema: {
        tags: CMS_TAGS,
        summary: 'Rename a category (JSON Merge Patch, If-Match required)',
        params: CategoryIdParamsSchema,
        headers: IF_MATCH,
        body: CategoryPatchSchema,
        response: { 200: CategorySchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 428) },
      },
    },
    async (request, reply) => {
      const category = await patchCategory(database, actorOf(request), request.params.categoryId, expectedVersion(request), request.body);
      setEtag(reply, category.version);
      return category;
    },
  );

  app.delete(
    '/api/v1/cms/categories/:categoryId',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.edit),
      schema: {
        tags: CMS_TAGS,
        summary: 'Delete a category no working copy uses (409 `category_in_use` otherwise)',
        params: CategoryIdParamsSchema,
        headers: IF_MATCH,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await removeCategory(database, actorOf(request), request.params.categoryId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
}
