import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CollectionEnvelope } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { COMMON_PROBLEMS, problemResponses, toEnvelope } from '../../../platform/http/responses.js';
import type { PersonActor, PersonDeps } from './person-view.js';
import { personCollection } from './persons.collection.js';
import { getPerson, listPersons } from './persons-read.service.js';
import { createPerson, deletePerson, updatePerson } from './persons-write.service.js';
import { CreatePersonSchema, PersonIdParamsSchema, PersonPatchSchema, PersonSchema } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

export const PERSON_TAGS = ['crm'];
const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });

export function personActorOf(request: FastifyRequest): PersonActor {
  return { principal: requirePrincipal(request), audit: auditActorFrom(request) };
}

/** `/api/v1/persons`: contact persons, owned by one entity each and visible to it and its ancestors (ADR 0007). */
export async function personRoutes(instance: FastifyInstance, deps: PersonDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/persons',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.read),
      schema: {
        tags: PERSON_TAGS,
        summary: 'List the contacts of your entities (filter by name, email, company, entity)',
        querystring: personCollection.querystring,
        response: { 200: CollectionEnvelope(PersonSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listPersons(deps, personActorOf(request), personCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/persons/:id',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.read),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Read a contact (sensitive fields only with crm.persons.sensitive.read)',
        params: PersonIdParamsSchema,
        response: { 200: PersonSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const person = await getPerson(deps, personActorOf(request), request.params.id);
      setEtag(reply, person.version);
      return person;
    },
  );

  app.post(
    '/api/v1/persons',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.write),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Create a contact in one of your entities',
        description:
          'Phones are normalised to E.164; the personal phone and the sensitive note are encrypted at rest. ' +
          '409 `person_email_taken` (pointer `/emails/<i>`) when an address already belongs to another contact of the entity; ' +
          '422 lists every invalid field with a French message (`/entityId` for an entity you do not manage).',
        body: CreatePersonSchema,
        response: { 201: PersonSchema, ...problemResponses(...COMMON_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const person = await createPerson(deps, personActorOf(request), request.body);
      setEtag(reply, person.version);
      return reply.code(201).header('location', `/api/v1/persons/${person.id}`).send(person);
    },
  );

  app.patch(
    '/api/v1/persons/:id',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.write),
      preValidation: requireMergePatch,
      schema: {
        tags: PERSON_TAGS,
        summary: 'Change a contact (JSON Merge Patch, If-Match required; `emails` replaces the list)',
        description: '409 `person_anonymized` once the contact was erased.',
        params: PersonIdParamsSchema,
        headers: IF_MATCH,
        body: PersonPatchSchema,
        response: { 200: PersonSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      const person = await updatePerson(deps, personActorOf(request), request.params.id, expected, request.body);
      setEtag(reply, person.version);
      return person;
    },
  );

  app.delete(
    '/api/v1/persons/:id',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.write),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Delete a contact and everything attached to it (If-Match required). To honour a GDPR erasure request, use /erasure instead',
        params: PersonIdParamsSchema,
        headers: IF_MATCH,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problemResponses(...COMMON_PROBLEMS, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request) ?? '*';
      await deletePerson(deps, personActorOf(request), request.params.id, expected);
      return reply.code(204).send(null);
    },
  );
}
