import { withTransaction, type Database, type Tx } from '../db/index.js';

/**
 * SQL of the idempotency_keys table. A claim is one atomic INSERT … ON CONFLICT: two concurrent
 * requests with the same key cannot both win, the loser sees the row in flight.
 */

export const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim still in flight after this long belongs to a request that died (requestTimeout is 60 s). */
export const ABANDONED_AFTER_SECONDS = 120;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export type ClaimOutcome =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' };

export interface ClaimInput {
  callerKey: string;
  key: string;
  requestHash: string;
  requestPath: string;
}

const SYSTEM = { kind: 'system' } as const;

export async function claimIdempotencyKey(database: Database, input: ClaimInput): Promise<ClaimOutcome> {
  return withTransaction(database, SYSTEM, async (tx) => {
    // Cleanup on read: this caller's expired keys go now; the bus purges the rest.
    await tx.client.query('DELETE FROM idempotency_keys WHERE caller_key = $1 AND expires_at <= now()', [input.callerKey]);
    // Takes over a row only when it expired, or when the same request was abandoned in flight
    // (a handler that stores its response in its own transaction cannot have committed then).
    const claimed = await tx.client.query(
      `INSERT INTO idempotency_keys (caller_key, key, request_hash, request_path, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))
       ON CONFLICT (caller_key, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, request_path = EXCLUDED.request_path, locked_at = now(),
             expires_at = EXCLUDED.expires_at, response_status = NULL, response_headers = NULL, response_body = NULL
         WHERE idempotency_keys.expires_at <= now()
            OR (idempotency_keys.response_status IS NULL
                AND idempotency_keys.request_hash = EXCLUDED.request_hash
                AND idempotency_keys.locked_at < now() - make_interval(secs => $6))
       RETURNING caller_key`,
      [input.callerKey, input.key, input.requestHash, input.requestPath, IDEMPOTENCY_TTL_HOURS, ABANDONED_AFTER_SECONDS],
    );
    if (claimed.rowCount === 1) return { kind: 'claimed' as const };
    const { rows } = await tx.client.query<{ request_hash: string; response_status: number | null; response_headers: Record<string, string> | null; response_body: string | null }>(
      'SELECT request_hash, response_status, response_headers, response_body FROM idempotency_keys WHERE caller_key = $1 AND key = $2',
      [input.callerKey, input.key],
    );
    const row = rows[0];
    if (!row) return { kind: 'in_flight' as const }; // deleted between the two statements: let the client retry
    if (row.request_hash !== input.requestHash) return { kind: 'mismatch' as const };
    if (row.response_status === null) return { kind: 'in_flight' as const };
    return { kind: 'replay' as const, response: { status: row.response_status, headers: row.response_headers ?? {}, body: row.response_body } };
  });
}

/** Records the outcome; with the business transaction's `tx`, it commits or rolls back with the write. */
export async function storeIdempotentResponse(tx: Pick<Tx, 'client'>, callerKey: string, key: string, response: StoredResponse): Promise<void> {
  await tx.client.query(
    'UPDATE idempotency_keys SET response_status = $3, response_headers = $4, response_body = $5 WHERE caller_key = $1 AND key = $2',
    [callerKey, key, response.status, JSON.stringify(response.headers), response.body],
  );
}

/** Forgets an in-flight claim (the request failed with a 5xx): a retry with the same key runs again. */
export async function releaseIdempotencyKey(database: Database, callerKey: string, key: string): Promise<void> {
  await withTransaction(database, SYSTEM, (tx) =>
    tx.client.query('DELETE FROM idempotency_keys WHERE caller_key = $1 AND key = $2 AND response_status IS NULL', [callerKey, key]),
  );
}

/** Deletes expired keys in batches; meant for a scheduled job. Returns how many were deleted. */
export async function purgeExpiredIdempotencyKeys(database: Database, batchSize = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await withTransaction(database, SYSTEM, async (tx) => {
      const result = await tx.client.query(
        `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1)`,
        [batchSize],
      );
      return result.rowCount ?? 0;
    });
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
