import type { Tx } from '../db/index.js';
/**
 * Runs `effect` unless `key` was already processed, and records the key in the same transaction:
 * the effect and its "done" marker commit or roll back together. A job redelivered after its
 * effect committed (the worker crashed before acknowledging it) then skips the effect.
 * Resolves true when the effect ran. Use the job id as key, or a business key when several
 * messages may carry the same effect.
 */
export declare function runOnce(tx: Tx, key: string, effect: () => Promise<void>): Promise<boolean>;
