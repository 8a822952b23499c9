import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../tenancy/tenant-policy.js';

export const ENTITY_EXPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type EntityExportStatus = (typeof ENTITY_EXPORT_STATUSES)[number];

/**
 * One export of an entity's data requested through the API, from the request to its archive.
 * Tenant-owned: an administrator sees only the exports of the entities of their subtree.
 */
export const entityExports = pgTable(
  'entity_exports',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    status: text('status', { enum: ENTITY_EXPORT_STATUSES }).notNull().default('queued'),
    /** The archive, relative to DATA_DIR (`exports/<id>/<file>.tar.gz`); null until completed. */
    archivePath: text('archive_path'),
    bytes: bigint('bytes', { mode: 'number' }),
    /** SHA-256 of the archive file, hex. */
    sha256: text('sha256'),
    /** Counts taken from the export's manifest (tables, rows, media files, columns written in clear). */
    summary: jsonb('summary'),
    attempts: integer('attempts').notNull().default(0),
    /** Why the last attempt failed (French, for staff); cleared when an attempt completes. */
    error: text('error'),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('entity_exports_entity_id_idx').on(table.entityId, table.createdAt),
    check('entity_exports_status', sql`${table.status} IN ('queued', 'running', 'completed', 'failed')`),
    tenantIsolationPolicy('entity_exports'),
  ],
).enableRLS();
