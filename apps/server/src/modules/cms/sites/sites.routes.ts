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
import { siteCollection } from './sites.collection.js';
import { CreateSiteSchema, SiteIdParamsSchema, SitePatchSchema, SiteSchema } from './sites.schema.js';
import { createSite, getSite, listSites, patchSite, removeSite } from './sites.service.js';

/** `/api/v1/cms/sites`: one public site per entity (settings, theme, host names, menus). */
export async function siteRoutes(instance: FastifyInstance, deps: CmsDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/v1/cms/sites',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: {
        tags: CMS_TAGS,
        summary: "List your entities' sites",
        querystring: siteCollection.querystring,
        response: { 200: CollectionEnvelope(SiteSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listSites(database, dbScopeFor(request, CMS_PERMISSIONS.read), siteCollection.parse(request.query))),
  );

  app.post(
    '/api/v1/cms/sites',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.sitesManage),
      schema: {
        tags: CMS_TAGS,
        summary: 'Create the site of an entity (one per entity)',
        description: '409 `site_exists` when the entity has a site, `site_slug_taken`, `host_name_taken`.',
        body: CreateSiteSchema,
        response: { 201: SiteSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const site = await createSite(database, actorOf(request), request.body);
      setEtag(reply, site.version);
      return reply.code(201).header('location', `/api/v1/cms/sites/${site.id}`).send(site);
    },
  );

  app.get(
    '/api/v1/cms/sites/:siteId',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.read),
      schema: { tags: CMS_TAGS, summary: 'Read a site', params: SiteIdParamsSchema, response: { 200: SiteSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const site = await getSite(database, dbScopeFor(request, CMS_PERMISSIONS.read), request.params.siteId);
      setEtag(reply, site.version);
      return site;
    },
  );

  app.patch(
    '/api/v1/cms/sites/:siteId',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.sitesManage),
      preValidation: requireMergePatch,
      schema: {
        tags: CMS_TAGS,
        summary: "Change a site's name, slug, theme, host names or menus (JSON Merge Patch, If-Match required)",
        params: SiteIdParamsSchema,
        headers: IF_MATCH,
        body: SitePatchSchema,
        response: { 200: SiteSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const site = await patchSite(database, actorOf(request), request.params.siteId, expectedVersion(request), request.body);
      setEtag(reply, site.version);
      return site;
    },
  );

  app.delete(
    '/api/v1/cms/sites/:siteId',
    {
      preHandler: requirePermission(CMS_PERMISSIONS.sitesManage),
      schema: {
        tags: CMS_TAGS,
        summary: 'Delete an empty site (409 `site_not_empty` otherwise)',
        params: SiteIdParamsSchema,
        headers: IF_MATCH,
        response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      await removeSite(database, actorOf(request), request.params.siteId, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );
}
