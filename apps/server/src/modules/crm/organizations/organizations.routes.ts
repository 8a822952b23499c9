import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { sendCsv, wantsCsv, type CsvColumn } from '../../../platform/http/collection-csv.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { createLink, deleteLinkOf, updateLinkOf } from './organization-links.service.js';
import { organizationCollection } from './organizations.collection.js';
import { getOrganization, listOrganizations, searchOrganizations } from './organizations-read.service.js';
import { createOrganization, updateOrganization, type OrganizationActor, type OrganizationDeps } from './organizations-write.service.js';
import {
  CreateLinkSchema,
  CreateOrganizationSchema,
  LinkParamsSchema,
  LinkPatchSchema,
  OrganizationIdParamsSchema,
  OrganizationLinkSchema,
  OrganizationPatchSchema,
  OrganizationSchema,
  SearchQuerySchema,
  SearchResultSchema,
  type Organization,
} from './organizations.schema.js';
import { ORGANIZATION_PERMISSIONS } from './permissions.js';

const TAGS = ['crm'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });

// Status and tags are those of the exporting caller's own links: other branches' relations never leave.
const CSV_COLUMNS: CsvColumn<Organization>[] = [
  { name: 'id' },
  { name: 'siren' },
  { name: 'name' },
  { name: 'legalName' },
  { name: 'nafCode' },
  { name: 'nafVersion' },
  { name: 'legalForm' },
  { name: 'headcountBand' },
  { name: 'street', value: (o) => o.address.street },
  { name: 'postalCode', value: (o) => o.address.postalCode },
  { name: 'communeInsee', value: (o) => o.address.communeInsee },
  { name: 'communeName', value: (o) => o.address.communeName },
  { name: 'departementCode', value: (o) => o.address.departementCode },
  { name: 'website' },
  { name: 'phone' },
  { name: 'statuses', value: (o) => o.links.map((link) => link.status).join('|') },
  { name: 'tags', value: (o) => [...new Set(o.links.flatMap((link) => link.tags))].join('|') },
  { name: 'createdAt' },
];

/** `/api/v1/organizations`: companies (public identity, network-wide) and each entity's links to them (ADR 0007). */
export async function organizationRoutes(instance: FastifyInstance, deps: OrganizationDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: FastifyRequest): OrganizationActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/organizations',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List companies (every company of the network; `filter[status]` keeps those your entities hold with that status)',
        querystring: organizationCollection.querystring,
        response: { 200: collectionResponse(OrganizationSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const scope = dbScopeFor(request, ORGANIZATION_PERMISSIONS.read);
      const query = organizationCollection.parse(request.query);
      const fetch = (batch: typeof query) => listOrganizations(database, scope, batch);
      if (wantsCsv(request)) {
        return sendCsv(reply, {
          query,
          fetch,
          columns: CSV_COLUMNS,
          filename: 'entreprises',
          audit: {
            database,
            scope,
            event: { action: 'crm.organization.exported', resourceType: 'organization', resourceId: null, entityId: null, actor: auditActorFrom(request) },
          },
        });
      }
      return toEnvelope(await fetch(query));
    },
  );

  app.get(
    '/api/v1/organizations/:id',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Read a company: its public identity, with the links of your entities only',
        params: OrganizationIdParamsSchema,
        response: { 200: OrganizationSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const organization = await getOrganization(database, dbScopeFor(request, ORGANIZATION_PERMISSIONS.read), request.params.id);
      // The ETag versions the identity (what If-Match on PATCH protects). No 304: the body also holds
      // the caller's links, which change without bumping that version.
      setEtag(reply, organization.version);
      return organization;
    },
  );

  app.post(
    '/api/v1/organizations',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Register a company; it is attached to the union of its commune\'s département',
        description:
          '409 `organization_exists` (with `Location`) when the SIREN is already in the network: link that company to your entity instead. ' +
          '422 lists every invalid field with a French message (SIREN check digit, unknown NAF code, unknown postal code…).',
        body: CreateOrganizationSchema,
        response: { 201: OrganizationSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const organization = await createOrganization(deps, actorOf(request), request.body);
      setEtag(reply, organization.version);
      return reply.code(201).header('location', `/api/v1/organizations/${organization.id}`).send(organization);
    },
  );

  app.patch(
    '/api/v1/organizations/:id',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change a company\'s public identity (JSON Merge Patch, If-Match required)',
        description: 'Only for staff of an entity linked to the company: others get 403 `organization_not_linked`. The SIREN cannot change.',
        params: OrganizationIdParamsSchema,
        headers: IF_MATCH,
        body: OrganizationPatchSchema,
        response: { 200: OrganizationSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const organization = await updateOrganization(deps, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, organization.version);
      return organization;
    },
  );

  app.post(
    '/api/v1/organizations/:id/links',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Link a company to one of your entities',
        params: OrganizationIdParamsSchema,
        body: CreateLinkSchema,
        response: { 201: OrganizationLinkSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request, reply) => {
      const link = await createLink(deps, actorOf(request), request.params.id, request.body);
      setEtag(reply, link.version);
      return reply.code(201).send(link);
    },
  );

  app.patch(
    '/api/v1/organizations/:id/links/:linkId',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change a link\'s status or tags, or move it to another of your entities (overrides the derived union)',
        params: LinkParamsSchema,
        headers: IF_MATCH,
        body: LinkPatchSchema,
        response: { 200: OrganizationLinkSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const link = await updateLinkOf(deps, actorOf(request), request.params.id, request.params.linkId, expected, request.body);
      setEtag(reply, link.version);
      return link;
    },
  );

  app.delete(
    '/api/v1/organizations/:id/links/:linkId',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Detach a company from one of your entities (refused while it is a member there)',
        params: LinkParamsSchema,
        headers: IF_MATCH,
        response: { 204: Type.Null({ description: 'Detached' }), ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      await deleteLinkOf(deps, actorOf(request), request.params.id, request.params.linkId, expected);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/search/organizations',
    {
      preHandler: requirePermission(ORGANIZATION_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Find companies by name (accents and typos tolerated), city, or SIREN prefix; best first',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      return { items: await searchOrganizations(database, dbScopeFor(request, ORGANIZATION_PERMISSIONS.read), q, limit ?? 10) };
    },
  );
}
