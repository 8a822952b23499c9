const COLUMNS = `id, name, prefix, permissions, expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", created_at AS "createdAt"`;
export async function insertToken(tx, token) {
    const { rows } = await tx.client.query(`INSERT INTO personal_access_tokens (id, user_id, name, token_hash, prefix, permissions, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`, [token.id, token.userId, token.name, token.tokenHash, token.prefix, token.permissions, token.expiresAt]);
    return rows[0];
}
export async function listTokensOfUser(tx, userId) {
    const { rows } = await tx.client.query(`SELECT ${COLUMNS} FROM personal_access_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, [userId]);
    return rows;
}
/** Revokes one of the user's tokens; null when there is no such (unrevoked) token. */
export async function revokeToken(tx, userId, id) {
    const { rows } = await tx.client.query(`UPDATE personal_access_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`, [id, userId]);
    return rows[0] ?? null;
}
//# sourceMappingURL=tokens.repository.js.map