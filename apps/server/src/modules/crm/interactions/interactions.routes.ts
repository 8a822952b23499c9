import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import type { Database } from '../../../platform/db/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { interactionCollection } from './interactions.collection.js';
import { CreateInteractionSchema, InteractionIdParamsSchema, InteractionPatchSchema, InteractionSchema } from './interactions.schema.js';
import {
  createInteraction,
  getInteraction,
  listInteractions,
  organizationTimeline,
  patchInteraction,
  personTimeline,
  removeInteraction,
  type InteractionActor,
} from './interactions.service.js';
import { INTERACTION_PERMISSIONS } from './permissions.js';

const TAGS = ['crm'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });
const TIMELINE_DESCRIPTION =
  'Newest first (`sort=-occurredAt`, the default), filterable by `filter[kind][in]` and `filter[occurredAt][gte|lte]`, paginated by cursor. ' +
  "Only your entities' interactions are listed.";

/** `/api/v1/interactions` and the timelines of companies and contacts. */
export async function interactionRoutes(instance: FastifyInstance, { database }: { database: Database }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const actorOf = (request: FastifyRequest): InteractionActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });
  const readScope = (request: FastifyRequest) => dbScopeFor(request, INTERACTION_PERMISSIONS.read);
  const page = CollectionEnvelope(InteractionSchema);

  app.get(
    '/api/v1/interactions',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.read),
      schema: { tags: TAGS, summary: "List your entities' interactions", querystring: interactionCollection.querystring, response: { 200: page, ...problemResponses(...COMMON_PROBLEMS) } },
    },
    async (request) => toEnvelope(await listInteractions(database, readScope(request), interactionCollection.parse(request.query))),
  );

  app.post(
    '/api/v1/interactions',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Record a call, meeting, e-mail, note… with a company and/or a contact',
        description: 'The body HTML is sanitised (allowed: p, br, strong, em, u, s, ul, ol, li, a with http/https/mailto, blockquote, h3, h4). 422 for an unknown company or contact.',
        body: CreateInteractionSchema,
        response: { 201: InteractionSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const interaction = await createInteraction(database, actorOf(request), request.body);
      setEtag(reply, interaction.version);
      return reply.code(201).header('location', `/api/v1/interactions/${interaction.id}`).send(interaction);
    },
  );

  app.get(
    '/api/v1/interactions/:id',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.read),
      schema: { tags: TAGS, summary: 'Read an interaction', params: InteractionIdParamsSchema, response: { 200: InteractionSchema, ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      const interaction = await getInteraction(database, readScope(request), request.params.id);
      setEtag(reply, interaction.version);
      return interaction;
    },
  );

  app.patch(
    '/api/v1/interactions/:id',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change an interaction (JSON Merge Patch, If-Match required)',
        params: InteractionIdParamsSchema,
        headers: IF_MATCH,
        body: InteractionPatchSchema,
        response: { 200: InteractionSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 412, 415, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const interaction = await patchInteraction(database, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, interaction.version);
      return interaction;
    },
  );

  app.delete(
    '/api/v1/interactions/:id',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.write),
      schema: { tags: TAGS, summary: 'Delete an interaction', params: InteractionIdParamsSchema, response: { 204: Type.Null(), ...problemResponses(...COMMON_PROBLEMS, 404) } },
    },
    async (request, reply) => {
      await removeInteraction(database, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/organizations/:id/timeline',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: "A company's timeline",
        description: TIMELINE_DESCRIPTION,
        params: InteractionIdParamsSchema,
        querystring: interactionCollection.querystring,
        response: { 200: page, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) =>
      toEnvelope(await organizationTimeline(database, readScope(request), request.params.id, interactionCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/persons/:id/timeline',
    {
      preHandler: requirePermission(INTERACTION_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: "A contact's timeline",
        description: TIMELINE_DESCRIPTION,
        params: InteractionIdParamsSchema,
        querystring: interactionCollection.querystring,
        response: { 200: page, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => toEnvelope(await personTimeline(database, readScope(request), request.params.id, interactionCollection.parse(request.query))),
  );
}
