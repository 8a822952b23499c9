import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { PLATFORM_PERMISSIONS, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import { refuseIdempotencyKey } from '../access/no-idempotency-replay.js';
import type { IdentityContext } from '../context/identity-context.js';
import { CreatedUserSchema, CreateUserBody, PatchUserBody, toUserDto, UserIdParams, UserListQuerySchema, UserListSchema, UserSchema } from './users.schema.js';
import { changeUser, createUser, decodeCursor, getUser, resetUserMfa, searchUsers } from './users.service.js';

export function registerUserRoutes(parent: FastifyInstance, context: IdentityContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const read = requirePermission(PLATFORM_PERMISSIONS.usersRead);
  const manage = requirePermission(PLATFORM_PERMISSIONS.usersManage);

  app.get(
    '/api/v1/users',
    {
      preHandler: read,
      schema: {
        tags: ['identity'],
        summary: 'Users homed in the entities you administer',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => {
      const { limit, cursor, status, search, entityId } = request.query;
      const page = await searchUsers(context, requirePrincipal(request), { limit, after: decodeCursor(cursor), status, search, entityId });
      return { items: page.items.map(toUserDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/users',
    {
      preValidation: refuseIdempotencyKey,
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: 'Create a user (without a password, a temporary one is returned once)',
        body: CreateUserBody,
        response: { 201: CreatedUserSchema, 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const created = await createUser(context, requirePrincipal(request), auditActorFrom(request), request.body);
      return setEtag(reply.code(201), created.user.version).send({ user: toUserDto(created.user), ...(created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}) });
    },
  );

  app.get(
    '/api/v1/users/:id',
    {
      preHandler: read,
      schema: { tags: ['identity'], summary: 'One user', params: UserIdParams, response: { 200: UserSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema } },
    },
    async (request, reply) => {
      const user = await getUser(context, requirePrincipal(request), request.params.id);
      return setEtag(reply, user.version).send(toUserDto(user));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      preValidation: requireMergePatch,
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: 'Rename, deactivate or reactivate a user, or change their home entity (JSON Merge Patch; requires If-Match)',
        params: UserIdParams,
        body: PatchUserBody,
        response: { 200: UserSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const user = await changeUser(context, requirePrincipal(request), auditActorFrom(request), request.params.id, requiredIfMatchVersion(request), request.body);
      return setEtag(reply, user.version).send(toUserDto(user));
    },
  );

  app.post(
    '/api/v1/users/:id/mfa-reset',
    {
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: "Remove a user's second factor (lost phone); they may enrol again",
        params: UserIdParams,
        response: { 204: Type.Null(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await resetUserMfa(context, requirePrincipal(request), auditActorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
