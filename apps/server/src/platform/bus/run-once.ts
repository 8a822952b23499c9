import type { Tx } from '../db/index.js';

const MAX_KEY_LENGTH = 200;

/**
 * Runs `effect` unless `key` was already processed, and records the key in the same transaction:
 * the effect and its "done" marker commit or roll back together. A job redelivered after its
 * effect committed (the worker crashed before acknowledging it) then skips the effect.
 * Resolves true when the effect ran. Use the job id as key, or a business key when several
 * messages may carry the same effect.
 */
export async function runOnce(tx: Tx, key: string, effect: () => Promise<void>): Promise<boolean> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) throw new Error(`runOnce key must be 1 to ${MAX_KEY_LENGTH} characters`);
  // A concurrent holder of the same key makes this insert wait for its commit, then conflict.
  const { rows } = await tx.client.query('INSERT INTO processed_messages (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key', [key]);
  if (rows.length === 0) return false;
  await effect();
  return true;
}
