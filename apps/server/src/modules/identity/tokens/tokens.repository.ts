import type { Tx } from '../../../platform/db/index.js';

export interface TokenRecord {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, name, prefix, permissions, expires_at AS "expiresAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt", created_at AS "createdAt"`;

export interface NewToken {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  permissions: string[];
  expiresAt: Date;
}

export async function insertToken(tx: Tx, token: NewToken): Promise<TokenRecord> {
  const { rows } = await tx.client.query<TokenRecord>(
    `INSERT INTO personal_access_tokens (id, user_id, name, token_hash, prefix, permissions, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [token.id, token.userId, token.name, token.tokenHash, token.prefix, token.permissions, token.expiresAt],
  );
  return rows[0]!;
}

export async function listTokensOfUser(tx: Tx, userId: string): Promise<TokenRecord[]> {
  const { rows } = await tx.client.query<TokenRecord>(
    `SELECT ${COLUMNS} FROM personal_access_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC`,
    [userId],
  );
  return rows;
}

/** Deactivation: a reactivated account starts without its old tokens. */
export async function revokeTokensOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.client.query(`UPDATE personal_access_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}

/** Revokes one of the user's tokens; null when there is no such (unrevoked) token. */
export async function revokeToken(tx: Tx, userId: string, id: string): Promise<TokenRecord | null> {
  const { rows } = await tx.client.query<TokenRecord>(
    `UPDATE personal_access_tokens SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
    [id, userId],
  );
  return rows[0] ?? null;
}
