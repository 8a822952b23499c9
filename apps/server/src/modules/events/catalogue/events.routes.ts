import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import type { EventActor, EventDeps } from '../access/event-actor.js';
import { EVENT_PERMISSIONS } from '../access/permissions.js';
import { eventCollection } from './events.collection.js';
import { getEvent, listEvents } from './events-read.service.js';
import { createEvent, updateEventWith } from './events-write.service.js';
import { CreateEventSchema, EventIdParamsSchema, EventPatchSchema, EventSchema } from './events.schema.js';

const TAGS = ['events'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });

/** `/api/v1/events`: the events of the caller's entities. */
export async function eventRoutes(instance: FastifyInstance, deps: EventDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: FastifyRequest): EventActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/events',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List the events of your entities (`when=upcoming|past`, filters on status, visibility, entity, dates)',
        querystring: eventCollection.querystring,
        response: { 200: collectionResponse(EventSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => {
      const { when, ...rest } = request.query as Record<string, unknown> & { when?: 'upcoming' | 'past' };
      // `when` is sugar for filter[ended]: as a filter it is bound into the cursor.
      const query = eventCollection.parse(when ? { ...rest, 'filter[ended]': when === 'past' } : rest);
      return toEnvelope(await listEvents(database, dbScopeFor(request, EVENT_PERMISSIONS.read), query));
    },
  );

  app.get(
    '/api/v1/events/:id',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Read an event with its seat counts',
        params: EventIdParamsSchema,
        response: { 200: EventSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const event = await getEvent(database, dbScopeFor(request, EVENT_PERMISSIONS.read), request.params.id);
      setEtag(reply, event.version);
      return event;
    },
  );

  app.post(
    '/api/v1/events',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Create an event (draft by default)',
        description: '422 lists every invalid field with a French message (end before start, unknown time zone, no place nor link to publish…).',
        body: CreateEventSchema,
        response: { 201: EventSchema, ...problemResponses(...COMMON_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const event = await createEvent(deps, actorOf(request), request.body);
      setEtag(reply, event.version);
      return reply.code(201).header('location', `/api/v1/events/${event.id}`).send(event);
    },
  );

  app.patch(
    '/api/v1/events/:id',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: TAGS,
        summary: 'Change an event (JSON Merge Patch, If-Match required); capacity changes move the waiting list',
        description:
          'Raising `capacity` (or setting it to null) promotes waiting registrations in order; lowering it below the seats taken is 422. ' +
          'Status moves: draft → published | cancelled, published → cancelled (409 `invalid_status_transition` otherwise).',
        params: EventIdParamsSchema,
        headers: IF_MATCH,
        body: EventPatchSchema,
        response: { 200: EventSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const event = await updateEventWith(deps, actorOf(request), request.params.id, expected, request.body);
      setEtag(reply, event.version);
      return event;
    },
  );
}
