import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { dbScopeFor, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { sendCsv, wantsCsv, type CsvColumn } from '../../../platform/http/collection-csv.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { collectionResponse, COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import { EventIdParamsSchema } from '../catalogue/events.schema.js';
import type { EventActor, EventDeps } from '../access/event-actor.js';
import { EVENT_PERMISSIONS } from '../access/permissions.js';
import { checkIn } from './check-in.service.js';
import { registrationCollection } from './registrations.collection.js';
import { cancelRegistration, getRegistration, listRegistrations, registerContact } from './registrations.service.js';
import { CreateRegistrationSchema, RegistrationParamsSchema, RegistrationSchema, type Registration } from './registrations.schema.js';

const TAGS = ['events'];

const CSV_COLUMNS: CsvColumn<Registration>[] = [
  { name: 'id' },
  { name: 'personId' },
  { name: 'lastName', value: (r) => r.person?.lastName },
  { name: 'firstName', value: (r) => r.person?.firstName },
  { name: 'email', value: (r) => r.person?.email },
  { name: 'organizationId' },
  { name: 'status' },
  { name: 'waitingPosition' },
  { name: 'registeredAt' },
  { name: 'confirmedAt' },
  { name: 'checkedInAt' },
  { name: 'cancelledAt' },
];

/** `/api/v1/events/{id}/registrations`: registrations, waiting list, cancellation, check-in, attendee export. */
export async function registrationRoutes(instance: FastifyInstance, deps: EventDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const actorOf = (request: FastifyRequest): EventActor => ({ principal: requirePrincipal(request), audit: auditActorFrom(request) });

  app.get(
    '/api/v1/events/:id/registrations',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'List the registrations of an event; `Accept: text/csv` exports the attendee list',
        params: EventIdParamsSchema,
        querystring: registrationCollection.querystring,
        response: { 200: collectionResponse(RegistrationSchema), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const scope = dbScopeFor(request, EVENT_PERMISSIONS.read);
      const query = registrationCollection.parse(request.query);
      const eventId = request.params.id;
      const fetch = (batch: typeof query) => listRegistrations(database, scope, eventId, batch);
      if (wantsCsv(request)) {
        // The first batch runs before any byte is sent: an unknown event is still a plain 404.
        await fetch({ ...query, limit: 1, count: 'none' });
        return sendCsv(reply, {
          query,
          fetch,
          columns: CSV_COLUMNS,
          filename: 'participants',
          audit: {
            database,
            scope,
            event: { action: 'events.registration.exported', resourceType: 'event', resourceId: eventId, entityId: null, actor: auditActorFrom(request) },
          },
        });
      }
      return toEnvelope(await fetch(query));
    },
  );

  app.get(
    '/api/v1/events/:id/registrations/:registrationId',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.read),
      schema: {
        tags: TAGS,
        summary: 'Read a registration (status, waiting position)',
        params: RegistrationParamsSchema,
        response: { 200: RegistrationSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const { id, registrationId } = request.params;
      const registration = await getRegistration(database, dbScopeFor(request, EVENT_PERMISSIONS.read), id, registrationId);
      setEtag(reply, registration.version);
      return registration;
    },
  );

  app.post(
    '/api/v1/events/:id/registrations',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Register a contact: `registered` if a seat is free, else `waiting` with its position',
        description:
          '409 `registration_closed` (draft, cancelled, outside the registration window) or `already_registered` (with `Location`). ' +
          '422 when the contact or the company is unknown to you.',
        params: EventIdParamsSchema,
        body: CreateRegistrationSchema,
        response: { 201: RegistrationSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const registration = await registerContact(deps, actorOf(request), request.params.id, request.body);
      setEtag(reply, registration.version);
      return reply.code(201).header('location', `/api/v1/events/${registration.eventId}/registrations/${registration.id}`).send(registration);
    },
  );

  app.post(
    '/api/v1/events/:id/registrations/:registrationId/cancel',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.write),
      schema: {
        tags: TAGS,
        summary: 'Cancel a registration; a freed seat goes at once to the first of the waiting list',
        description: 'Idempotent on a cancelled registration. 409 `registration_state` once the attendee was checked in.',
        params: RegistrationParamsSchema,
        response: { 200: RegistrationSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request) => cancelRegistration(deps, actorOf(request), request.params.id, request.params.registrationId),
  );

  app.post(
    '/api/v1/events/:id/registrations/:registrationId/check-in',
    {
      preHandler: requirePermission(EVENT_PERMISSIONS.checkin),
      schema: {
        tags: TAGS,
        summary: 'Check an attendee in (idempotent); the attendance goes to the CRM timelines',
        description: '409 `registration_state` for a waiting or cancelled registration, or an event that is not published.',
        params: RegistrationParamsSchema,
        response: { 200: RegistrationSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request) => checkIn(deps, actorOf(request), request.params.id, request.params.registrationId),
  );
}
