import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema, Uuid } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { PLATFORM_PERMISSIONS, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { GrantSchema, toGrantDto } from '../sessions/auth.schema.js';
import { addGrant, getGrants, removeGrant } from './grants.service.js';

const CreateGrantBody = Type.Object(
  {
    roleCode: Type.String({ minLength: 1, maxLength: 64 }),
    entityId: Uuid({ description: 'The role applies to this entity and all its descendants' }),
  },
  { additionalProperties: false },
);

/** Grants live under their user: /api/v1/users/{id}/grants. */
export function registerGrantRoutes(parent: FastifyInstance, context: IdentityContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const manage = requirePermission(PLATFORM_PERMISSIONS.grantsManage);

  app.get(
    '/api/v1/users/:id/grants',
    {
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: "A user's grants on the entities you administer",
        params: Type.Object({ id: Uuid() }),
        response: { 200: Type.Object({ items: Type.Array(GrantSchema) }), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => ({ items: (await getGrants(context, requirePrincipal(request), request.params.id)).map(toGrantDto) }),
  );

  app.post(
    '/api/v1/users/:id/grants',
    {
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: 'Grant a role on an entity (you must hold every permission of the role there)',
        params: Type.Object({ id: Uuid() }),
        body: CreateGrantBody,
        response: { 201: GrantSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const grant = await addGrant(context, requirePrincipal(request), auditActorFrom(request), request.params.id, request.body);
      return reply.code(201).send(toGrantDto(grant));
    },
  );

  app.delete(
    '/api/v1/users/:id/grants/:grantId',
    {
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: 'Withdraw a grant',
        params: Type.Object({ id: Uuid(), grantId: Uuid() }),
        response: { 204: Type.Null(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await removeGrant(context, requirePrincipal(request), auditActorFrom(request), request.params.id, request.params.grantId);
      return reply.code(204).send(null);
    },
  );
}
