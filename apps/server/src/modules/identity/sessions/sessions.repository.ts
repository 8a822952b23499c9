import type { Tx } from '../../../platform/db/index.js';

export interface NewSession {
  id: string;
  userId: string;
  tokenHash: string;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  ttlMinutes: number;
}

export async function insertSession(tx: Tx, session: NewSession): Promise<void> {
  await tx.client.query(
    `INSERT INTO sessions (id, user_id, token_hash, csrf_token, ip, user_agent, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
    [session.id, session.userId, session.tokenHash, session.csrfToken, session.ip, session.userAgent, session.ttlMinutes],
  );
}

export async function deleteSessionByTokenHash(tx: Tx, tokenHash: string): Promise<void> {
  await tx.client.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
}

/** Deactivation and password changes end every open session of the user. */
export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<void> {
  await tx.client.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
}

export async function deleteOtherSessions(tx: Tx, userId: string, keepTokenHash: string): Promise<void> {
  await tx.client.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [userId, keepTokenHash]);
}

/** Housekeeping: expired sessions are useless; a job may call this. */
export async function deleteExpiredSessions(tx: Tx): Promise<number> {
  const { rowCount } = await tx.client.query(`DELETE FROM sessions WHERE expires_at < now()`);
  return rowCount ?? 0;
}
