import { newId, type Tx } from '../../db/index.js';
import type { CollectionQuery } from '../../http/collection.js';
import { fetchPage, type CollectionPage } from '../../http/collection-sql.js';
import { entityExportCollection } from './entity-exports.collection.js';
import { entityExports, type EntityExportStatus } from './entity-exports.tables.js';

// entity_exports is tenant-owned: RLS limits every query to the caller's scope, so an export of
// another branch is simply not found (404 without revealing that it exists).

export interface ExportSummary {
  entityCode: string;
  entityName: string;
  tables: number;
  rows: number;
  mediaFiles: number;
  decryptedColumns: string[];
}

export interface EntityExportRow {
  id: string;
  entity_id: string;
  status: EntityExportStatus;
  archive_path: string | null;
  bytes: number | null;
  sha256: string | null;
  summary: ExportSummary | null;
  attempts: number;
  error: string | null;
  requested_by: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `id, entity_id, status, archive_path, bytes::float8 AS bytes, sha256, summary, attempts, error, requested_by,
  created_at, updated_at, started_at, finished_at`;

export async function insertEntityExport(tx: Tx, entityId: string, requestedBy: string | null): Promise<EntityExportRow> {
  const { rows } = await tx.client.query<EntityExportRow>(
    `INSERT INTO entity_exports (id, entity_id, requested_by) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [newId(), entityId, requestedBy],
  );
  return rows[0]!;
}

export async function findEntityExport(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<EntityExportRow | null> {
  const { rows } = await tx.client.query<EntityExportRow>(`SELECT ${COLUMNS} FROM entity_exports WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** An export as listed (a constant: fetchPage keeps its statements per columns object). */
const PAGE_COLUMNS = {
  id: entityExports.id,
  entity_id: entityExports.entityId,
  status: entityExports.status,
  archive_path: entityExports.archivePath,
  bytes: entityExports.bytes,
  sha256: entityExports.sha256,
  summary: entityExports.summary,
  attempts: entityExports.attempts,
  error: entityExports.error,
  requested_by: entityExports.requestedBy,
  created_at: entityExports.createdAt,
  updated_at: entityExports.updatedAt,
  started_at: entityExports.startedAt,
  finished_at: entityExports.finishedAt,
};

/** One page of the exports in scope, newest first by default. */
export async function fetchEntityExportPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<EntityExportRow>> {
  return fetchPage<EntityExportRow>(tx, entityExportCollection, query, {
    table: entityExports,
    columns: PAGE_COLUMNS,
  });
}

export async function findEntityCode(tx: Tx, entityId: string): Promise<string | null> {
  const { rows } = await tx.client.query<{ code: string }>('SELECT code FROM entities WHERE id = $1', [entityId]);
  return rows[0]?.code ?? null;
}

export async function markExportRunning(tx: Tx, id: string): Promise<void> {
  await tx.client.query(
    `UPDATE entity_exports SET status = 'running', attempts = attempts + 1, started_at = now(), updated_at = now() WHERE id = $1`,
    [id],
  );
}

export interface CompletedArchive {
  archivePath: string;
  bytes: number;
  sha256: string;
  summary: ExportSummary;
}

export async function markExportCompleted(tx: Tx, id: string, archive: CompletedArchive): Promise<void> {
  await tx.client.query(
    `UPDATE entity_exports SET status = 'completed', archive_path = $2, bytes = $3, sha256 = $4, summary = $5, error = NULL,
       finished_at = now(), updated_at = now()
     WHERE id = $1`,
    [id, archive.archivePath, archive.bytes, archive.sha256, JSON.stringify(archive.summary)],
  );
}

export async function markExportFailed(tx: Tx, id: string, error: string): Promise<void> {
  await tx.client.query(`UPDATE entity_exports SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [id, error]);
}
