import type { ImportJobRow } from './import-jobs.repository.js';
import type { ImportJob } from './imports.schema.js';

/** The API representation of a job: counters grouped, progress as a percentage of the file. */
export function toImportJob(row: ImportJobRow): ImportJob {
  const percent = row.status === 'completed' ? 100 : row.rows_total === 0 ? 0 : Math.floor((row.rows_done * 100) / row.rows_total);
  return {
    id: row.id,
    entityId: row.entity_id,
    fileName: row.file_name,
    fileFormat: row.file_format,
    fileSize: row.file_size,
    status: row.status,
    columns: row.column_mapping,
    columnOverrides: row.column_overrides,
    rows: {
      total: row.rows_total,
      valid: row.rows_valid,
      rejected: row.rows_rejected,
      done: row.rows_done,
      created: row.rows_created,
      updated: row.rows_updated,
      unchanged: row.rows_unchanged,
    },
    percent,
    attempts: row.attempts,
    lastError: row.last_error,
    errorsUrl: `/api/v1/imports/${row.id}/errors.csv`,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
