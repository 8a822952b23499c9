import { Type } from 'typebox';
import { Nullable, Timestamp, Uuid } from '@maillage/contracts';
import type { GrantView } from '../grants/grants.repository.js';
import { UserSchema } from '../users/users.schema.js';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
    totp: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'Authenticator code, or a one-time recovery code' })),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({
  user: UserSchema,
  csrfToken: Type.String({ description: 'Send it back as X-CSRF-Token on every POST, PUT, PATCH and DELETE' }),
});

export const GrantSchema = Type.Object({
  id: Uuid(),
  userId: Uuid(),
  role: Type.Object({ id: Uuid(), code: Type.String(), name: Type.String() }),
  entity: Type.Object({ id: Uuid(), code: Type.String(), name: Type.String(), kind: Type.String() }),
  createdAt: Timestamp(),
});

export const EntitySummarySchema = Type.Object({
  id: Uuid(),
  parentId: Nullable(Uuid()),
  code: Type.String(),
  kind: Type.String(),
  name: Type.String(),
});

export const MeResponse = Type.Object({
  user: UserSchema,
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  permissions: Type.Array(Type.String()),
  grants: Type.Array(GrantSchema),
  entities: Type.Array(EntitySummarySchema, { description: 'Entities the caller may act on, for the branch switcher' }),
  csrfToken: Type.Optional(Type.String({ description: 'For cookie sessions: the value unsafe requests send in X-CSRF-Token' })),
});

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export function toGrantDto(grant: GrantView) {
  return { ...grant, createdAt: grant.createdAt instanceof Date ? grant.createdAt.toISOString() : String(grant.createdAt) };
}
