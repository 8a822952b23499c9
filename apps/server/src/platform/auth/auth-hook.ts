import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/index.js';
import { ForbiddenError, UnauthenticatedError } from '../http/errors.js';
import type { Principal } from './principal.js';
import { CSRF_HEADER, SESSION_COOKIE, sessionCookieOptions } from './session-cookie.js';

export const ACCESS_TOKEN_PREFIX = 'mlg_';

/** A session found by its cookie: who it is and the token unsafe requests must echo. */
export interface SessionCredentials {
  principal: Principal;
  csrfToken: string;
}

/**
 * How credentials become a principal; implemented by the identity module, which owns the tables.
 * The kernel only knows the transport: cookie, bearer token, CSRF.
 */
export interface CredentialResolver {
  /** null when the session is unknown, expired or its user deactivated; at once when what it needs is cached. */
  fromSession(sessionToken: string): MaybePromise<SessionCredentials | null>;
  /** null when the token is unknown, expired, revoked or its owner deactivated; at once when what it needs is cached. */
  fromAccessToken(token: string): MaybePromise<Principal | null>;
}

/** A result that is there at once, or after waiting. */
export type MaybePromise<T> = T | Promise<T>;

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's CSRF token when the caller authenticated by cookie (so /auth/me can return it after a reload). */
    sessionCsrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** false exempts a cookie-authenticated unsafe route from the CSRF check (login only). */
    csrf?: boolean;
    /** 'route': the route checks credentials of its own (the metrics scrape); a bearer that is not a valid access token is left to it, not refused. */
    authentication?: 'route';
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves `request.principal` for every request: a Bearer personal access token, else the session
 * cookie. Cookie-authenticated unsafe requests must send X-CSRF-Token equal to the session's token.
 */
export function registerAuth(app: FastifyInstance, config: Pick<AppConfig, 'publicUrl' | 'sessionTtlMinutes'>, resolver: CredentialResolver): void {
  void app.register(fastifyCookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionCsrfToken', null);
  // Callback-style: a caller whose credential and access are cached is resolved without a promise.
  app.addHook('onRequest', (request, reply, done) => {
    let resolving: Promise<void> | undefined;
    try {
      resolving = authenticate(request, reply);
    } catch (error) {
      return done(error as Error);
    }
    if (resolving) resolving.then(() => done(), done);
    else done();
  });

  /** Sets the request's principal; a promise only when it had to wait for the database. */
  function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const found = token?.startsWith(ACCESS_TOKEN_PREFIX) ? resolver.fromAccessToken(token) : null;
      return found instanceof Promise ? found.then((principal) => acceptToken(request, principal)) : acceptToken(request, found);
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (!sessionToken) return undefined;
    const found = resolver.fromSession(sessionToken);
    return found instanceof Promise ? found.then((session) => acceptSession(request, reply, session)) : acceptSession(request, reply, found);
  }

  function acceptToken(request: FastifyRequest, principal: Principal | null): undefined {
    if (!principal) {
      // Asked only here: Fastify builds `routeOptions` anew on every read.
      if (request.routeOptions.config?.authentication === 'route') return;
      throw new UnauthenticatedError('The access token is invalid, expired or revoked.', 'token_invalid');
    }
    request.principal = principal;
  }

  function acceptSession(request: FastifyRequest, reply: FastifyReply, session: SessionCredentials | null): undefined {
    if (!session) {
      // A stale cookie: drop it so the browser stops sending it; the route decides whether auth is needed.
      void reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(config), maxAge: undefined });
      return;
    }
    if (UNSAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new ForbiddenError('The X-CSRF-Token header is missing or does not match your session; reload the page and try again.', 'csrf_failed');
      }
    }
    request.principal = session.principal;
    request.sessionCsrfToken = session.csrfToken;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
