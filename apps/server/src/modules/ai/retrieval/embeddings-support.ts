import type { Database } from '../../../platform/db/index.js';

/**
 * Whether the server could store embeddings (pgvector installed or installable). Embeddings stay
 * off in this delivery either way (ADR 0019 §6): retrieval is lexical, and this only tells the
 * operator, at start-up, what a later embedding arm would find.
 */
export async function detectVectorSupport(database: Database): Promise<{ available: boolean; installed: boolean }> {
  const { rows } = await database.pool.query<{ installed: string | null }>(`SELECT installed_version AS installed FROM pg_available_extensions WHERE name = 'vector'`);
  return { available: rows.length > 0, installed: rows[0]?.installed != null };
}
