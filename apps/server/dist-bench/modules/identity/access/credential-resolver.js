import { ResolvedPrincipal, restrictToPermissions } from '../../../platform/auth/index.js';
import { sha256Hex } from './secrets.js';
import { runSystemStatement, sqlDigest } from './system-statement.js';
// A session slides forward at most once a minute, so that most requests only read.
const SLIDE_AFTER = "interval '1 minute'";
export function createCredentialResolver(database, access, sessionTtlMinutes) {
    const ttl = `make_interval(mins => ${Math.trunc(sessionTtlMinutes)})`;
    return {
        async fromSession(sessionToken, _request) {
            const rows = await runSystemStatement(database, `WITH found AS (
           SELECT s.id, s.user_id, s.csrf_token, u.email FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.token_hash = ${sqlDigest(sha256Hex(sessionToken))} AND s.expires_at > now() AND u.status = 'active'
         ), touched AS (
           UPDATE sessions SET expires_at = now() + ${ttl}, last_seen_at = now()
           WHERE id IN (SELECT id FROM found) AND last_seen_at < now() - ${SLIDE_AFTER} RETURNING id
         )
         SELECT user_id AS "userId", email, csrf_token AS "csrfToken" FROM found`);
            const row = rows[0];
            if (!row)
                return null;
            const { roots, tree } = await access.resolve(row.userId);
            return { principal: new ResolvedPrincipal({ userId: row.userId, email: row.email, via: 'session', roots, tree }), csrfToken: row.csrfToken };
        },
        async fromAccessToken(token) {
            const rows = await runSystemStatement(database, `WITH found AS (
           SELECT t.id, t.user_id, t.permissions, u.email FROM personal_access_tokens t JOIN users u ON u.id = t.user_id
           WHERE t.token_hash = ${sqlDigest(sha256Hex(token))} AND t.revoked_at IS NULL AND t.expires_at > now() AND u.status = 'active'
         ), touched AS (
           UPDATE personal_access_tokens SET last_used_at = now()
           WHERE id IN (SELECT id FROM found) AND (last_used_at IS NULL OR last_used_at < now() - ${SLIDE_AFTER}) RETURNING id
         )
         SELECT id, user_id AS "userId", email, permissions FROM found`);
            const row = rows[0];
            if (!row)
                return null;
            const { roots, tree } = await access.resolve(row.userId);
            return new ResolvedPrincipal({ userId: row.userId, email: row.email, via: 'token', tokenId: row.id, roots: restrictToPermissions(roots, row.permissions), tree });
        },
    };
}
//# sourceMappingURL=credential-resolver.js.map