import type { Database, Tx } from '../../../platform/db/index.js';
import type { OperandEstimate } from './candidate-filter.js';
import { estimateOperands } from './retrieval.repository.js';

/**
 * The operand estimates (`candidate-filter.ts`) kept per process for a short while: they come from
 * PostgreSQL's statistics, which only change when the table is analysed (autovacuum, after indexing),
 * so re-reading them on every search cost a round trip and a catalogue query for nothing. A search
 * whose operands are all known sends its ranking statement alone.
 */
export const ESTIMATE_TTL_MS = 60_000;
/** Bound on the operands kept per database (they come from users' questions): past it, start afresh. */
export const MAX_CACHED_OPERANDS = 20_000;

interface Cached {
  estimate: OperandEstimate;
  expires: number;
}

const cacheByDatabase = new WeakMap<Database, Map<string, Cached>>();

export async function cachedOperandEstimates(database: Database, tx: Tx, operands: readonly string[], now = Date.now()): Promise<OperandEstimate[]> {
  let cache = cacheByDatabase.get(database);
  if (!cache) cacheByDatabase.set(database, (cache = new Map()));
  const known = new Map<string, OperandEstimate>();
  for (const operand of operands) {
    const cached = cache.get(operand);
    if (cached && cached.expires > now) known.set(operand, cached.estimate);
  }
  const missing = [...new Set(operands.filter((operand) => !known.has(operand)))];
  if (missing.length > 0) {
    const fetched = await estimateOperands(tx, missing);
    if (cache.size + fetched.length > MAX_CACHED_OPERANDS) cache.clear();
    for (const estimate of fetched) {
      known.set(estimate.operand, estimate);
      cache.set(estimate.operand, { estimate, expires: now + ESTIMATE_TTL_MS });
    }
  }
  return operands.map((operand) => known.get(operand) ?? { operand, chunks: 0, corpusChunks: 0 });
}
