import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const IMPORT_JOB_STATUSES = ['dry_run_done', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const IMPORT_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One uploaded member file, from its dry run to the end of its background run. The file itself is
 * kept (bytea) so that any worker can run or resume it; `last_committed_row` is advanced in the same
 * transaction as each batch it covers, so a crash never leaves half a batch and a rerun starts after it.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format', { enum: IMPORT_FILE_FORMATS }).notNull(),
    fileContent: bytea('file_content').notNull(),
    fileSize: integer('file_size').notNull(),
    /** The column overrides the run uses (saved mapping of the entity, then the uploader's choices). */
    columnOverrides: jsonb('column_overrides').notNull().default(sql`'{}'::jsonb`),
    /** Field → file header, as detected with those overrides (shown to staff). */
    columnMapping: jsonb('column_mapping').notNull(),
    status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('dry_run_done'),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    /** Spreadsheet row number of the last row of the last committed batch (1 = only the header). */
    lastCommittedRow: integer('last_committed_row').notNull().default(1),
    attempts: integer('attempts').notNull().default(0),
    /** Why the last attempt stopped (French, for staff); cleared when a run completes. */
    lastError: text('last_error'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('import_jobs_entity_id_idx').on(table.entityId, table.createdAt),
    check('import_jobs_status', sql`${table.status} IN ('dry_run_done', 'queued', 'running', 'completed', 'failed')`),
    check('import_jobs_file_format', sql`${table.fileFormat} IN ('csv', 'xlsx')`),
    tenantIsolationPolicy('import_jobs'),
  ],
).enableRLS();

/** The row-by-row report of a dry run: rejected rows (one line per problem) and accepted rows with warnings. */
export const importJobRows = pgTable(
  'import_job_rows',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    importJobId: uuid('import_job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    /** `error`: the row is not imported; `warning`: imported, to be checked. */
    severity: text('severity', { enum: ['error', 'warning'] }).notNull(),
    column: text('column'),
    code: text('code').notNull(),
    message: text('message').notNull(),
  },
  (table) => [
    index('import_job_rows_job_row_idx').on(table.importJobId, table.row),
    index('import_job_rows_entity_id_idx').on(table.entityId),
    check('import_job_rows_severity', sql`${table.severity} IN ('error', 'warning')`),
    tenantIsolationPolicy('import_job_rows'),
  ],
).enableRLS();

/** An entity's saved column choices (field → file header, or null to ignore), applied to its next uploads. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    columnOverrides: jsonb('column_overrides').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('import_mappings_entity_unique').on(table.entityId), tenantIsolationPolicy('import_mappings')],
).enableRLS();
