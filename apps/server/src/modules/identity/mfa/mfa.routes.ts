import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requireSessionPrincipal } from '../../../platform/auth/index.js';
import { refuseIdempotencyKey } from '../access/no-idempotency-replay.js';
import type { IdentityContext } from '../context/identity-context.js';
import { activateTotp, enrolTotp } from './mfa.service.js';

export function registerMfaRoutes(parent: FastifyInstance, context: IdentityContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/auth/mfa/totp/enrol',
    {
      preValidation: refuseIdempotencyKey,
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: returns the secret and the otpauth URI to show as a QR code',
        response: { 200: Type.Object({ secret: Type.String(), otpauthUri: Type.String() }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema },
      },
    },
    async (request) => enrolTotp(context, requireSessionPrincipal(request), auditActorFrom(request)),
  );

  app.post(
    '/api/v1/auth/mfa/totp/activate',
    {
      preValidation: refuseIdempotencyKey,
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a current code; returns 10 one-time recovery codes, shown once',
        body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }), 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 409: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request) => ({ recoveryCodes: await activateTotp(context, requireSessionPrincipal(request), auditActorFrom(request), request.body.code) }),
  );
}
