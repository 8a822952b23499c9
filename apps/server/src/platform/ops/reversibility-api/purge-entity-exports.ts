import { rm } from 'node:fs/promises';
import { withTransaction, type Database } from '../../db/index.js';
import { exportWorkDir } from './export-storage.js';

/** An archive holds personal data and fields in clear: it is deleted this many days after it was requested. */
export const ENTITY_EXPORT_RETENTION_DAYS = 7;

/**
 * Deletes the archives of finished exports older than the retention, then their rows. Files go
 * first: a crash in between leaves rows that the next run deletes, never files nobody tracks.
 */
export async function purgeEntityExports(deps: { database: Database; dataDir: string }, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ENTITY_EXPORT_RETENTION_DAYS * 86_400_000);
  const expired = await withTransaction(
    deps.database,
    { kind: 'system' },
    async (tx) =>
      (await tx.client.query<{ id: string }>(`SELECT id FROM entity_exports WHERE status IN ('completed', 'failed') AND created_at < $1`, [cutoff])).rows,
    { readOnly: true },
  );
  if (expired.length === 0) return 0;
  for (const { id } of expired) await rm(exportWorkDir(deps.dataDir, id), { recursive: true, force: true });
  const ids = expired.map((row) => row.id);
  await withTransaction(deps.database, { kind: 'system' }, (tx) => tx.client.query('DELETE FROM entity_exports WHERE id = ANY($1::uuid[])', [ids]));
  return ids.length;
}
