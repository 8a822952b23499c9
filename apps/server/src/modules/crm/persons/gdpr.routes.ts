import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import { setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { getConsentState, recordConsent } from './consents.service.js';
import { erasePerson } from './person-erasure.js';
import { exportPersonFile, PersonExportSchema } from './person-export.js';
import type { PersonDeps } from './person-view.js';
import { personActorOf, PERSON_TAGS } from './persons.routes.js';
import { ConsentSchema, ConsentStateSchema, CreateConsentSchema, PersonIdParamsSchema, PersonSchema } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

/** GDPR: consents per channel, right of access (export) and right to erasure. */
export async function gdprRoutes(instance: FastifyInstance, deps: PersonDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/persons/:id/consents',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.read),
      schema: {
        tags: PERSON_TAGS,
        summary: "A contact's consent per channel (latest decision) and the whole history, newest first",
        params: PersonIdParamsSchema,
        response: { 200: ConsentStateSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => getConsentState(deps, personActorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/persons/:id/consents',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.write),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Record a consent given or withdrawn on a channel, with its source and proof (appended to the history)',
        params: PersonIdParamsSchema,
        body: CreateConsentSchema,
        response: { 201: ConsentSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await recordConsent(deps, personActorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/persons/:id/export',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.gdpr),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Right of access: everything your entities hold on the contact, as JSON (audited)',
        params: PersonIdParamsSchema,
        response: { 200: PersonExportSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportPersonFile(deps, personActorOf(request), request.params.id);
      return reply.header('content-disposition', `attachment; filename="contact-${file.person.id}.json"`).send(file);
    },
  );

  app.post(
    '/api/v1/persons/:id/erasure',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.gdpr),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Right to erasure: anonymise the contact, keeping aggregates (idempotent, audited)',
        description: 'See docs/runbooks/gdpr-requests.md for what is cleared and what is kept.',
        params: PersonIdParamsSchema,
        response: { 200: PersonSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const person = await erasePerson(deps, personActorOf(request), request.params.id);
      setEtag(reply, person.version);
      return person;
    },
  );
}
