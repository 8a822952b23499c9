import type { FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/index.js';
import { ResolvedPrincipal, restrictToPermissions, type CredentialResolver, type SessionCredentials } from '../../../platform/auth/index.js';
import type { AccessCache } from './access-cache.js';
import type { CachedSession, CachedToken } from './credential-cache.js';
import { sha256Hex } from './secrets.js';
import { runSystemStatement, sqlDigest } from './system-statement.js';

// A session slides forward at most once a minute, so that most requests only read.
const SLIDE_AFTER = "interval '1 minute'";

/**
 * A token's roots, computed once per owner's roots (a new object whenever grants or the tree change)
 * and token permissions (a new array whenever the token is read again): not on every request.
 */
const restrictedRoots = new WeakMap<ReadonlyMap<string, readonly string[]>, WeakMap<readonly string[], ReadonlyMap<string, readonly string[]>>>();

function tokenRoots(roots: ReadonlyMap<string, readonly string[]>, permissions: readonly string[]): ReadonlyMap<string, readonly string[]> {
  let byPermissions = restrictedRoots.get(roots);
  if (!byPermissions) restrictedRoots.set(roots, (byPermissions = new WeakMap()));
  let restricted = byPermissions.get(permissions);
  if (!restricted) byPermissions.set(permissions, (restricted = restrictToPermissions(roots, permissions)));
  return restricted;
}

export function createCredentialResolver(database: Database, access: AccessCache, sessionTtlMinutes: number): CredentialResolver {
  const ttl = `make_interval(mins => ${Math.trunc(sessionTtlMinutes)})`;
  const { sessions, tokens } = access;
  return {
    async fromSession(sessionToken: string, _request: FastifyRequest): Promise<SessionCredentials | null> {
      const digest = sha256Hex(sessionToken);
      const row = sessions.get(digest) ?? (await lookUpSession(digest));
      if (!row) return null;
      const { roots, tree } = await access.resolve(row.userId);
      return { principal: new ResolvedPrincipal({ userId: row.userId, email: row.email, via: 'session', roots, tree }), csrfToken: row.csrfToken };
    },

    async fromAccessToken(token: string): Promise<ResolvedPrincipal | null> {
      const digest = sha256Hex(token);
      const row = tokens.get(digest) ?? (await lookUpToken(digest));
      if (!row) return null;
      const { roots, tree } = await access.resolve(row.userId);
      return new ResolvedPrincipal({ userId: row.userId, email: row.email, via: 'token', tokenId: row.id, roots: tokenRoots(roots, row.permissions), tree });
    },
  };

  async function lookUpSession(digest: string): Promise<CachedSession | undefined> {
    const rows = await runSystemStatement<CachedSession>(
      database,
      `WITH found AS (
         SELECT s.id, s.user_id, s.csrf_token, s.expires_at, u.email FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ${sqlDigest(digest)} AND s.expires_at > now() AND u.status = 'active'
       ), touched AS (
         UPDATE sessions SET expires_at = now() + ${ttl}, last_seen_at = now()
         WHERE id IN (SELECT id FROM found) AND last_seen_at < now() - ${SLIDE_AFTER} RETURNING id
       )
       SELECT user_id AS "userId", email, csrf_token AS "csrfToken",
              (extract(epoch FROM expires_at) * 1000)::bigint::text AS "expiresAtMs" FROM found`,
    );
    const row = rows[0];
    if (row) sessions.set(digest, row, row.userId, Number(row.expiresAtMs));
    return row;
  }

  async function lookUpToken(digest: string): Promise<CachedToken | undefined> {
    const rows = await runSystemStatement<CachedToken>(
      database,
      `WITH found AS (
         SELECT t.id, t.user_id, t.permissions, t.expires_at, u.email FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = ${sqlDigest(digest)} AND t.revoked_at IS NULL AND t.expires_at > now() AND u.status = 'active'
       ), touched AS (
         UPDATE personal_access_tokens SET last_used_at = now()
         WHERE id IN (SELECT id FROM found) AND (last_used_at IS NULL OR last_used_at < now() - ${SLIDE_AFTER}) RETURNING id
       )
       SELECT id, user_id AS "userId", email, permissions,
              (extract(epoch FROM expires_at) * 1000)::bigint::text AS "expiresAtMs" FROM found`,
    );
    const row = rows[0];
    if (row) tokens.set(digest, row, row.userId, Number(row.expiresAtMs));
    return row;
  }
}
