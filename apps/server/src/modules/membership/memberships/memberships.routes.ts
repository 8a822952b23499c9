import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import type { MembershipActor, MembershipDeps } from './membership-actor.js';
import { createType, searchTypes } from './membership-types.service.js';
import {
  CancelMembershipSchema,
  CreateMembershipSchema,
  CreateMembershipTypeSchema,
  IdParamsSchema,
  MembershipDetailSchema,
  MembershipSchema,
  MembershipTypeListSchema,
  MembershipTypeSchema,
  PersonMembershipListSchema,
  TypeListQuerySchema,
} from './memberships.schema.js';
import { membershipCollection } from './memberships.collection.js';
import { personMemberships } from './person-memberships.service.js';
import { cancelMembership, createMembership, getMembership, searchMemberships } from './memberships.service.js';
import { MEMBERSHIP_PERMISSIONS } from './permissions.js';

const TAGS = ['membership'];
const { read, write } = MEMBERSHIP_PERMISSIONS;

/** `/api/v1/memberships` and `/api/v1/membership/types`: who is a member of which entity, for which period. */
export async function membershipRoutes(instance: FastifyInstance, deps: MembershipDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): MembershipActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/membership/types',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: "The member types of one's entities", querystring: TypeListQuerySchema, response: { 200: MembershipTypeListSchema, ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => ({ items: await searchTypes(deps.database, dbScopeFor(request, read), request.query.entityId) }),
  );

  app.post(
    '/api/v1/membership/types',
    {
      preHandler: requirePermission(write),
      schema: { tags: TAGS, summary: 'Define a member type of an entity (standard, bienfaiteur, honoraire…)', body: CreateMembershipTypeSchema, response: { 201: MembershipTypeSchema, ...problemResponses(...COMMON_PROBLEMS, 422) } },
    },
    async (request, reply) => reply.code(201).send(await createType(deps, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/memberships',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: "Memberships of one's entities, newest first, by pages (keyset)",
        description: "Filter by `filter[organizationId]` for a company's memberships (which cover its affiliated contacts).",
        querystring: membershipCollection.querystring,
        response: { 200: collectionResponse(MembershipSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await searchMemberships(deps.database, dbScopeFor(request, read), membershipCollection.parse(request.query))),
  );

  app.post(
    '/api/v1/memberships',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Record a company joining an entity; optionally issue its join invoice',
        description: 'Pending until the join invoice is paid (a free type is active at once). 409 `membership_already_live` when the company already has a live membership there.',
        body: CreateMembershipSchema,
        response: { 201: MembershipDetailSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const membership = await createMembership(deps, actorOf(request), request.body);
      setEtag(reply, membership.version);
      return reply.code(201).header('location', `/api/v1/memberships/${membership.id}`).send(membership);
    },
  );

  app.get(
    '/api/v1/memberships/:id',
    {
      preHandler: requirePermission(read),
      schema: { tags: TAGS, summary: 'A membership with its status history', params: IdParamsSchema, response: { 200: MembershipDetailSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const membership = await getMembership(deps.database, dbScopeFor(request, read), request.params.id);
      setEtag(reply, membership.version);
      return membership;
    },
  );

  app.post(
    '/api/v1/memberships/:id/cancel',
    {
      preHandler: requirePermission(write),
      schema: {
        tags: TAGS,
        summary: 'Cancel a membership (final)',
        params: IdParamsSchema,
        body: CancelMembershipSchema,
        response: { 200: MembershipDetailSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request) => cancelMembership(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/persons/:id/memberships',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: "A contact's live memberships, through the companies it is affiliated with",
        description: "Active or grace memberships of the contact's companies in one's entities. 404 for a contact out of scope.",
        params: IdParamsSchema,
        response: { 200: PersonMembershipListSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => ({ items: await personMemberships(deps.database, dbScopeFor(request, read), request.params.id) }),
  );
}
