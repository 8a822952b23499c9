import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { listPermissions, PLATFORM_PERMISSIONS, requirePermission, requirePrincipal } from '../../../platform/auth/index.js';
import { requireMergePatch } from '../../../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../../../platform/http/preconditions.js';
import type { IdentityContext } from '../context/identity-context.js';
import { CreateRoleBody, PatchRoleBody, PermissionSchema, RoleIdParams, RoleSchema, toRoleDto } from './roles.schema.js';
import { changeRole, createRole, getRoles } from './roles.service.js';

export function registerRoleRoutes(parent: FastifyInstance, context: IdentityContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const manage = requirePermission(PLATFORM_PERMISSIONS.rolesManage);

  app.get(
    '/api/v1/permissions',
    { schema: { tags: ['identity'], summary: 'The catalogue of permissions', response: { 200: Type.Object({ items: Type.Array(PermissionSchema) }), 401: ProblemSchema } } },
    async (request) => {
      requirePrincipal(request);
      return { items: listPermissions() };
    },
  );

  app.get(
    '/api/v1/roles',
    { schema: { tags: ['identity'], summary: 'System and custom roles', response: { 200: Type.Object({ items: Type.Array(RoleSchema) }), 401: ProblemSchema } } },
    async (request) => {
      requirePrincipal(request);
      return { items: (await getRoles(context)).map(toRoleDto) };
    },
  );

  app.post(
    '/api/v1/roles',
    {
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: 'Create a custom role',
        body: CreateRoleBody,
        response: { 201: RoleSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const role = await createRole(context, auditActorFrom(request), request.body);
      return setEtag(reply.code(201), role.version).send(toRoleDto(role));
    },
  );

  app.patch(
    '/api/v1/roles/:id',
    {
      preValidation: requireMergePatch,
      preHandler: manage,
      schema: {
        tags: ['identity'],
        summary: 'Change a custom role (JSON Merge Patch; requires If-Match); system roles are immutable',
        params: RoleIdParams,
        body: PatchRoleBody,
        response: { 200: RoleSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 412: ProblemSchema, 415: ProblemSchema, 422: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const role = await changeRole(context, auditActorFrom(request), request.params.id, requiredIfMatchVersion(request), request.body);
      return setEtag(reply, role.version).send(toRoleDto(role));
    },
  );
}
