import type { Database } from '../../../platform/db/index.js';
import { ResolvedPrincipal, restrictToPermissions, type CredentialResolver, type MaybePromise, type SessionCredentials } from '../../../platform/auth/index.js';
import type { AccessCache, ResolvedAccess } from './access-cache.js';
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

/**
 * What a credential resolves to, made once per cached credential row and user access (each a new
 * object whenever it changes): one principal then serves its credential's requests while both are
 * cached, with the subtrees it has expanded, and a request whose credential and access are cached
 * resolves without waiting.
 */
const resolvedByRow = new WeakMap<object, { access: ResolvedAccess; resolved: unknown }>();

function resolvedOnce<T>(row: object, access: ResolvedAccess, resolve: () => T): T {
  const kept = resolvedByRow.get(row);
  if (kept?.access === access) return kept.resolved as T;
  const resolved = resolve();
  resolvedByRow.set(row, { access, resolved });
  return resolved;
}

export function createCredentialResolver(database: Database, access: AccessCache, sessionTtlMinutes: number): CredentialResolver {
  const ttl = `make_interval(mins => ${Math.trunc(sessionTtlMinutes)})`;
  const { sessions, tokens } = access;
  const sessionCredentials = (row: CachedSession, userAccess: ResolvedAccess): SessionCredentials =>
    resolvedOnce(row, userAccess, () => ({
      principal: new ResolvedPrincipal({ userId: row.userId, email: row.email, via: 'session', roots: userAccess.roots, tree: userAccess.tree }),
      csrfToken: row.csrfToken,
    }));
  const tokenPrincipal = (row: CachedToken, userAccess: ResolvedAccess): ResolvedPrincipal =>
    resolvedOnce(
      row,
      userAccess,
      () => new ResolvedPrincipal({ userId: row.userId, email: row.email, via: 'token', tokenId: row.id, roots: tokenRoots(userAccess.roots, row.permissions), tree: userAccess.tree }),
    );
  return {
    fromSession(sessionToken: string): MaybePromise<SessionCredentials | null> {
      const digest = sha256Hex(sessionToken);
      const row = sessions.get(digest);
      const userAccess = row && access.resolveNow(row.userId);
      return row && userAccess ? sessionCredentials(row, userAccess) : resolveSession(digest, row);
    },

    fromAccessToken(token: string): MaybePromise<ResolvedPrincipal | null> {
      const digest = sha256Hex(token);
      const row = tokens.get(digest);
      const userAccess = row && access.resolveNow(row.userId);
      return row && userAccess ? tokenPrincipal(row, userAccess) : resolveToken(digest, row);
    },
  };

  async function resolveSession(digest: string, cached: CachedSession | undefined): Promise<SessionCredentials | null> {
    const row = cached ?? (await lookUpSession(digest));
    return row ? sessionCredentials(row, await access.resolve(row.userId)) : null;
  }

  async function resolveToken(digest: string, cached: CachedToken | undefined): Promise<ResolvedPrincipal | null> {
    const row = cached ?? (await lookUpToken(digest));
    return row ? tokenPrincipal(row, await access.resolve(row.userId)) : null;
  }

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
