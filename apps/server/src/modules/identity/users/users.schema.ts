import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from '@maillage/contracts';
import type { UserRecord } from './users.repository.js';

export const UserSchema = Type.Object(
  {
    id: Uuid(),
    email: Type.String({ format: 'email' }),
    displayName: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('deactivated')]),
    homeEntityId: Uuid({ description: 'The entity where the account is administered' }),
    mfaEnabled: Type.Boolean(),
    mustChangePassword: Type.Boolean({ description: 'An administrator issued a temporary password' }),
    lastLoginAt: Nullable(Timestamp()),
    version: Type.Integer(),
    createdAt: Timestamp(),
    updatedAt: Timestamp(),
  },
);
export type UserDto = Static<typeof UserSchema>;

export const UserIdParams = Type.Object({ id: Uuid() });

export const UserListQuerySchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('deactivated')])),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Fragment of the email or display name' })),
    entityId: Type.Optional(Uuid({ description: 'Only users homed in this entity or below it (the branch switcher); outside your scope it matches nobody' })),
  },
  { additionalProperties: false },
);

export const UserListSchema = Type.Object({ items: Type.Array(UserSchema), nextCursor: Nullable(Type.String()) });

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    homeEntityId: Uuid(),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, description: 'Omit to receive a temporary password, shown once' })),
  },
  { additionalProperties: false },
);

export const CreatedUserSchema = Type.Object({
  user: UserSchema,
  temporaryPassword: Type.Optional(Type.String({ description: 'Shown once; the user should change it at first sign-in' })),
});

export const PatchUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('deactivated')])),
    homeEntityId: Type.Optional(Uuid()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export function toUserDto(user: UserRecord): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    homeEntityId: user.homeEntityId,
    mfaEnabled: user.mfaEnabled,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
