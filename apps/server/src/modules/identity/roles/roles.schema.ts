import { Type } from 'typebox';
import { Timestamp, Uuid } from '@maillage/contracts';
import type { RoleRecord } from './roles.repository.js';

export const PermissionSchema = Type.Object({
  name: Type.String(),
  description: Type.String(),
  category: Type.Union([Type.Literal('business'), Type.Literal('administration'), Type.Literal('platform')]),
  access: Type.Union([Type.Literal('read'), Type.Literal('write')]),
});

export const RoleSchema = Type.Object({
  id: Uuid(),
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
  system: Type.Boolean({ description: 'System roles are defined by the platform and cannot be changed' }),
  version: Type.Integer(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});

export const RoleIdParams = Type.Object({ id: Uuid() });

const PermissionList = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200, uniqueItems: true });

export const CreateRoleBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,62}$', description: 'Stable identifier, snake_case' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    permissions: PermissionList,
  },
  { additionalProperties: false },
);

export const PatchRoleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    permissions: Type.Optional(PermissionList),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function toRoleDto(role: RoleRecord) {
  return { ...role, createdAt: role.createdAt.toISOString(), updatedAt: role.updatedAt.toISOString() };
}
