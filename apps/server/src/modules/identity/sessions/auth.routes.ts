import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePrincipal, requireSessionPrincipal, SESSION_COOKIE, sessionCookieOptions } from '../../../platform/auth/index.js';
import type { IdentityContext } from '../context/identity-context.js';
import { toUserDto } from '../users/users.schema.js';
import { ChangePasswordBody, LoginBody, LoginResponse, MeResponse, toGrantDto } from './auth.schema.js';
import { login, logout } from './login.service.js';
import { describeMe } from './me.service.js';
import { changeOwnPassword } from './password.service.js';

export function registerAuthRoutes(parent: FastifyInstance, context: IdentityContext): void {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const cookieOptions = sessionCookieOptions(context.config);

  app.post(
    '/api/v1/auth/login',
    {
      // No CSRF check: the caller has no session yet (a stale cookie must not block signing in again).
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password (and a TOTP or recovery code when MFA is on)',
        body: LoginBody,
        response: { 200: LoginResponse, 400: ProblemSchema, 401: ProblemSchema, 422: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const result = await login(context, {
        email: request.body.email,
        password: request.body.password,
        totp: request.body.totp,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, cookieOptions);
      return { user: toUserDto(result.user), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: Type.Null(), 403: ProblemSchema } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.principal?.via === 'session') await logout(context, token, auditActorFrom(request));
      void reply.clearCookie(SESSION_COOKIE, { ...cookieOptions, maxAge: undefined });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their grants and the entities they may act on', response: { 200: MeResponse, 401: ProblemSchema } } },
    async (request) => {
      const principal = requirePrincipal(request);
      const me = await describeMe(context, principal);
      const csrf = request.sessionCsrfToken ? { csrfToken: request.sessionCsrfToken } : {};
      return { user: toUserDto(me.user), via: principal.via, permissions: me.permissions, grants: me.grants.map(toGrantDto), entities: me.entities, ...csrf };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (ends your other sessions)',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), 401: ProblemSchema, 403: ProblemSchema, 422: ProblemSchema },
      },
    },
    async (request, reply) => {
      const principal = requireSessionPrincipal(request);
      await changeOwnPassword(
        context,
        { ...auditActorFrom(request), userId: principal.userId },
        request.cookies[SESSION_COOKIE],
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.code(204).send(null);
    },
  );
}
