import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requirePermission } from '../../../platform/auth/index.js';
import { COMMON_PROBLEMS, problemResponses } from '../../../platform/http/responses.js';
import { createAffiliation, deleteAffiliation, listAffiliations, listOrganizationContacts } from './affiliations.service.js';
import type { PersonDeps } from './person-view.js';
import { personActorOf, PERSON_TAGS } from './persons.routes.js';
import { AffiliationParamsSchema, AffiliationSchema, CreateAffiliationSchema, OrganizationContactSchema, PersonIdParamsSchema } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

/** A person's roles in companies, and a company's contacts as seen by the caller's entities. */
export async function affiliationRoutes(instance: FastifyInstance, deps: PersonDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/persons/:id/affiliations',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.read),
      schema: {
        tags: PERSON_TAGS,
        summary: "A contact's companies, with role and dates (primary first)",
        params: PersonIdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(AffiliationSchema) }), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => ({ items: await listAffiliations(deps, personActorOf(request), request.params.id) }),
  );

  app.post(
    '/api/v1/persons/:id/affiliations',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.write),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Affiliate a contact to a company (role, dates); `isPrimary` replaces the previous primary company',
        description: '422 with `/organizationId` for an unknown company, `/endsOn` for an end before the start; 409 `person_anonymized` for an erased contact.',
        params: PersonIdParamsSchema,
        body: CreateAffiliationSchema,
        response: { 201: AffiliationSchema, ...problemResponses(...COMMON_PROBLEMS, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await createAffiliation(deps, personActorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/persons/:id/affiliations/:affiliationId',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.write),
      schema: {
        tags: PERSON_TAGS,
        summary: 'Remove an affiliation',
        params: AffiliationParamsSchema,
        response: { 204: Type.Null({ description: 'Removed' }), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      await deleteAffiliation(deps, personActorOf(request), request.params.id, request.params.affiliationId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/organizations/:id/contacts',
    {
      preHandler: requirePermission(PERSON_PERMISSIONS.read),
      schema: {
        tags: PERSON_TAGS,
        summary: "A company's contacts known to your entities (current first, then by name; at most 500)",
        params: PersonIdParamsSchema,
        response: { 200: Type.Object({ items: Type.Array(OrganizationContactSchema) }), ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request) => ({ items: await listOrganizationContacts(deps, personActorOf(request), request.params.id) }),
  );
}
