import type { Database } from '../../../platform/db/index.js';

/**
 * Whether the server has pgvector (installed or installable), logged at start-up. Embeddings do not
 * need it (ADR 0025: portable `real[]` vectors); it tells the operator whether the faster pgvector
 * storage described there could be used.
 */
export async function detectVectorSupport(database: Database): Promise<{ available: boolean; installed: boolean }> {
  const { rows } = await database.pool.query<{ installed: string | null }>(`SELECT installed_version AS installed FROM pg_available_extensions WHERE name = 'vector'`);
  return { available: rows.length > 0, installed: rows[0]?.installed != null };
}
