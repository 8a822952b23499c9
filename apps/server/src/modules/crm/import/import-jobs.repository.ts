import { newId, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { ColumnOverrides } from './column-mapping.js';
import { importJobCollection } from './import-jobs.collection.js';
import { importJobs, type ImportFileFormat, type ImportJobStatus } from './import-jobs.tables.js';

// import_jobs and import_job_rows are tenant-owned: RLS limits every query to the caller's scope, so
// a job of another branch is simply not found (404 without revealing it exists).

const SUMMARY_COLUMNS = `id, entity_id, file_name, file_format, file_size, column_overrides, column_mapping, status, rows_total, rows_valid,
  rows_rejected, rows_done, rows_created, rows_updated, rows_unchanged, last_committed_row, attempts, last_error, created_by,
  created_at, updated_at, started_at, finished_at`;

export interface ImportJobRow {
  id: string;
  entity_id: string;
  file_name: string;
  file_format: ImportFileFormat;
  file_size: number;
  column_overrides: ColumnOverrides;
  column_mapping: Record<string, string>;
  status: ImportJobStatus;
  rows_total: number;
  rows_valid: number;
  rows_rejected: number;
  rows_done: number;
  rows_created: number;
  rows_updated: number;
  rows_unchanged: number;
  last_committed_row: number;
  attempts: number;
  last_error: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface ReportLine {
  row: number;
  severity: 'error' | 'warning';
  column: string | null;
  code: string;
  message: string;
}

export interface NewImportJob {
  entityId: string;
  fileName: string;
  fileFormat: ImportFileFormat;
  fileSize: number;
  columnOverrides: ColumnOverrides;
  columnMapping: Record<string, string>;
  createdBy: string | null;
}

/**
 * A dry run's job, before its rows are counted and its file stored: both follow in the same
 * transaction (`appendImportFilePiece`, `recordDryRunCounts`), so the upload is never one value.
 */
export async function insertImportJob(tx: Tx, job: NewImportJob): Promise<ImportJobRow> {
  const { rows } = await tx.client.query<ImportJobRow>(
    `INSERT INTO import_jobs (id, entity_id, file_name, file_format, file_content, file_size, column_overrides, column_mapping, created_by)
     VALUES ($1, $2, $3, $4, ''::bytea, $5, $6, $7, $8) RETURNING ${SUMMARY_COLUMNS}`,
    [newId(), job.entityId, job.fileName, job.fileFormat, job.fileSize, JSON.stringify(job.columnOverrides), JSON.stringify(job.columnMapping), job.createdBy],
  );
  return rows[0]!;
}

/**
 * Appends a piece of the uploaded file to the stored one. Each append rewrites the value, so pieces
 * are a few MiB (about ten for the largest file): a single parameter of the whole file would be
 * copied three or four times into the protocol message (docs/perf.md).
 */
export async function appendImportFilePiece(tx: Tx, id: string, piece: Buffer): Promise<void> {
  await tx.client.query('UPDATE import_jobs SET file_content = file_content || $2 WHERE id = $1', [id, piece]);
}

export async function recordDryRunCounts(tx: Tx, id: string, counts: { total: number; rejected: number }): Promise<ImportJobRow> {
  const { rows } = await tx.client.query<ImportJobRow>(
    `UPDATE import_jobs SET rows_total = $2::int, rows_valid = $2::int - $3::int, rows_rejected = $3::int, updated_at = now() WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`,
    [id, counts.total, counts.rejected],
  );
  return rows[0]!;
}

const REPORT_INSERT_CHUNK = 1_000;

/** Stores the report lines with multi-row inserts (a large file may have thousands of rejected rows). */
export async function insertReportLines(tx: Tx, job: { id: string; entityId: string }, lines: readonly ReportLine[]): Promise<void> {
  for (let start = 0; start < lines.length; start += REPORT_INSERT_CHUNK) {
    const chunk = lines.slice(start, start + REPORT_INSERT_CHUNK);
    await tx.client.query(
      `INSERT INTO import_job_rows (id, entity_id, import_job_id, row, severity, "column", code, message)
       SELECT id, $1, $2, row, severity, "column", code, message
       FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(id, row, severity, "column", code, message)`,
      [
        job.entityId,
        job.id,
        chunk.map(() => newId()),
        chunk.map((line) => line.row),
        chunk.map((line) => line.severity),
        chunk.map((line) => line.column),
        chunk.map((line) => line.code),
        chunk.map((line) => line.message),
      ],
    );
  }
}

export async function findImportJob(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ImportJobRow | null> {
  const { rows } = await tx.client.query<ImportJobRow>(`SELECT ${SUMMARY_COLUMNS} FROM import_jobs WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

/** A job as listed: everything but its stored file (a constant: fetchPage keeps its statements per columns object). */
const PAGE_COLUMNS = {
  id: importJobs.id,
  entity_id: importJobs.entityId,
  file_name: importJobs.fileName,
  file_format: importJobs.fileFormat,
  file_size: importJobs.fileSize,
  column_overrides: importJobs.columnOverrides,
  column_mapping: importJobs.columnMapping,
  status: importJobs.status,
  rows_total: importJobs.rowsTotal,
  rows_valid: importJobs.rowsValid,
  rows_rejected: importJobs.rowsRejected,
  rows_done: importJobs.rowsDone,
  rows_created: importJobs.rowsCreated,
  rows_updated: importJobs.rowsUpdated,
  rows_unchanged: importJobs.rowsUnchanged,
  last_committed_row: importJobs.lastCommittedRow,
  attempts: importJobs.attempts,
  last_error: importJobs.lastError,
  created_by: importJobs.createdBy,
  created_at: importJobs.createdAt,
  updated_at: importJobs.updatedAt,
  started_at: importJobs.startedAt,
  finished_at: importJobs.finishedAt,
};

/** One page of the jobs in scope, without their stored files. */
export async function fetchImportJobPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<ImportJobRow>> {
  return fetchPage<ImportJobRow>(tx, importJobCollection, query, {
    table: importJobs,
    columns: PAGE_COLUMNS,
  });
}

/**
 * `length` bytes of the stored file from `offset` (0-based), or null when the job is not found. A
 * run reads the file piece by piece: the whole `bytea` in one row would travel as a hex text twice
 * its size and sit in memory three times over (docs/perf.md).
 */
export async function findImportFileSlice(tx: Tx, id: string, offset: number, length: number): Promise<Buffer | null> {
  const { rows } = await tx.client.query<{ slice: Buffer }>('SELECT substring(file_content FROM $2 FOR $3) AS slice FROM import_jobs WHERE id = $1', [
    id,
    offset + 1,
    length,
  ]);
  return rows[0]?.slice ?? null;
}

/** One page of report lines after (row, id), in file order: the error report is streamed in pages. */
export async function findReportLines(tx: Tx, jobId: string, after: { row: number; id: string } | null, limit: number): Promise<Array<ReportLine & { id: string }>> {
  const { rows } = await tx.client.query<ReportLine & { id: string }>(
    `SELECT id, row, severity, "column", code, message FROM import_job_rows
     WHERE import_job_id = $1 AND ($2::int IS NULL OR (row, id) > ($2::int, $3::uuid)) ORDER BY row, id LIMIT $4`,
    [jobId, after?.row ?? null, after?.id ?? null, limit],
  );
  return rows;
}

export async function setImportJobStatus(tx: Tx, id: string, status: ImportJobStatus, fields: { lastError?: string | null } = {}): Promise<void> {
  await tx.client.query(
    `UPDATE import_jobs SET status = $2, updated_at = now(),
       last_error = CASE WHEN $3::boolean THEN $4 ELSE last_error END,
       attempts = attempts + CASE WHEN $2 = 'running' THEN 1 ELSE 0 END,
       started_at = CASE WHEN $2 = 'running' THEN coalesce(started_at, now()) ELSE started_at END,
       finished_at = CASE WHEN $2 = 'completed' THEN now() ELSE finished_at END
     WHERE id = $1`,
    [id, status, fields.lastError !== undefined, fields.lastError ?? null],
  );
}

export interface BatchProgress {
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  lastRow: number;
}

/** Advances the counters and the resume point, in the batch's own transaction. */
export async function recordBatchProgress(tx: Tx, id: string, progress: BatchProgress): Promise<void> {
  await tx.client.query(
    `UPDATE import_jobs SET rows_done = rows_done + $2, rows_created = rows_created + $3, rows_updated = rows_updated + $4,
       rows_unchanged = rows_unchanged + $5, last_committed_row = $6, updated_at = now()
     WHERE id = $1`,
    [id, progress.rowsDone, progress.created, progress.updated, progress.unchanged, progress.lastRow],
  );
}

/** Deletes finished or abandoned jobs (file and report with them); queued and running jobs are kept. */
export async function deleteImportJobsOlderThan(tx: Tx, days: number): Promise<number> {
  const { rowCount } = await tx.client.query(
    `DELETE FROM import_jobs WHERE status IN ('dry_run_done', 'completed', 'failed') AND updated_at < now() - make_interval(days => $1)`,
    [days],
  );
  return rowCount ?? 0;
}

export async function findSavedOverrides(tx: Tx, entityId: string): Promise<ColumnOverrides | null> {
  const { rows } = await tx.client.query<{ column_overrides: ColumnOverrides }>('SELECT column_overrides FROM import_mappings WHERE entity_id = $1', [entityId]);
  return rows[0]?.column_overrides ?? null;
}

export interface SavedMappingRow {
  entity_id: string;
  column_overrides: ColumnOverrides;
  updated_by: string | null;
  updated_at: Date;
}

export async function listSavedMappings(tx: Tx): Promise<SavedMappingRow[]> {
  const { rows } = await tx.client.query<SavedMappingRow>('SELECT entity_id, column_overrides, updated_by, updated_at FROM import_mappings ORDER BY entity_id');
  return rows;
}

export async function saveMapping(tx: Tx, entityId: string, overrides: ColumnOverrides, userId: string): Promise<SavedMappingRow> {
  const { rows } = await tx.client.query<SavedMappingRow>(
    `INSERT INTO import_mappings (id, entity_id, column_overrides, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (entity_id) DO UPDATE SET column_overrides = EXCLUDED.column_overrides, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING entity_id, column_overrides, updated_by, updated_at`,
    [newId(), entityId, JSON.stringify(overrides), userId],
  );
  return rows[0]!;
}
