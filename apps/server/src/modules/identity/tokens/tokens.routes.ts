import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Nullable, ProblemSchema, Timestamp, Uuid } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePrincipal, requireSessionPrincipal } from '../../../platform/auth/index.js';
import { refuseIdempotencyKey } from '../access/no-idempotency-replay.js';
import type { IdentityContext } from '../context/identity-context.js';
import type { TokenRecord } from './tokens.repository.js';
import { createToken, listTokens, revokeOwnToken } from './tokens.service.js';

const TokenSchema = Type.Object({
  id: Uuid(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
  permissions: Type.Array(Type.String()),
  expiresAt: Timestamp(),
  lastUsedAt: Nullable(Timestamp()),
  revokedAt: Nullable(Timestamp()),
  createdAt: Timestamp(),
});

const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    permissions: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 100, uniqueItems: true }),
    expiresAt: Timestamp({ description: 'At most 366 days ahead' }),
  },
  { additionalProperties: false },
);

function toTokenDto(token: TokenRecord) {
  return {
    ...token,
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}

export function registerTokenRoutes(parent: FastifyInstance, context: IdentityContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/personal-access-tokens',
    {
      preValidation: refuseIdempotencyKey,
      schema: {
        tags: ['identity'],
        summary: 'Create a personal access token (shown once); it acts with the listed permissions you hold',
        body: CreateTokenBody,
        response: {
          201: Type.Object({ token: Type.String({ description: 'Send as Authorization: Bearer <token>; not retrievable later' }), personalAccessToken: TokenSchema }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      // A token cannot mint tokens: that would let a leaked token outlive its own expiry.
      const principal = requireSessionPrincipal(request);
      const { token, record } = await createToken(context, principal, auditActorFrom(request), request.body);
      return reply.code(201).send({ token, personalAccessToken: toTokenDto(record) });
    },
  );

  app.get(
    '/api/v1/personal-access-tokens',
    { schema: { tags: ['identity'], summary: 'Your personal access tokens (never their secret)', response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), 401: ProblemSchema } } },
    async (request) => ({ items: (await listTokens(context, requirePrincipal(request))).map(toTokenDto) }),
  );

  app.delete(
    '/api/v1/personal-access-tokens/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'Revoke one of your tokens',
        params: Type.Object({ id: Uuid() }),
        response: { 204: Type.Null(), 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      await revokeOwnToken(context, requirePrincipal(request), auditActorFrom(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
