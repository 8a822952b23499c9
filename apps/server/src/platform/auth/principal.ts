import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { DbScope } from '../db/index.js';
import { ForbiddenError, UnauthenticatedError } from '../http/errors.js';

/**
 * Who is calling, resolved once per request by the auth plugin (session cookie or personal access
 * token). Permissions are named strings; a grant gives a role's permissions on an entity and its
 * descendants, so each permission resolves to a set of entity subtree roots.
 */
export interface Principal {
  userId: string;
  email: string;
  via: 'session' | 'token';
  /** Roots of the entity subtrees where the caller holds the permission (empty: none). */
  rootsFor(permission: string): readonly string[];
  /** Every entity id the caller may act on with the permission (roots expanded to descendants). */
  entityIdsFor(permission: string): ReadonlySet<string>;
  /** True when the permission is held on this entity, directly or through an ancestor. */
  holdsOn(permission: string, entityId: string): boolean;
  /** The permissions held on at least one entity, sorted. */
  permissions(): string[];
  /** The personal access token's id when `via` is `token`. */
  readonly tokenId?: string | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}

/**
 * preHandler: 401 without a principal, 403 when the permission is held on no entity at all.
 * Callback-style: it never waits, and an async hook costs a promise on every request of every route.
 */
export function requirePermission(permission: string): preHandlerHookHandler {
  return (request, _reply, done) => {
    if (!request.principal) return done(new UnauthenticatedError());
    if (request.principal.rootsFor(permission).length === 0) {
      return done(new ForbiddenError(`This action requires the permission "${permission}".`));
    }
    done();
  };
}

/** The database scope for a request acting with one permission: RLS then shows only those subtrees. */
export function dbScopeFor(request: FastifyRequest, permission: string): DbScope {
  const principal = requirePrincipal(request);
  return { kind: 'entities', entityRoots: principal.rootsFor(permission), userId: principal.userId };
}

/** For actions an access token must never perform (minting tokens, MFA, password): a browser session only. */
export function requireSessionPrincipal(request: FastifyRequest): Principal {
  const principal = requirePrincipal(request);
  if (principal.via !== 'session') throw new ForbiddenError('This action requires signing in with your password; access tokens cannot perform it.', 'session_required');
  return principal;
}
