import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Follow-up tasks of an entity's staff (tenant-owned, RLS), raised by jobs of other modules
 * (mandate expiry, dues reminders…). `dedupe_key` makes raising idempotent: a job that runs twice
 * finds the task it raised the first time. The assignee's foreign key to `users` is declared in
 * SQL (custom migration) so that this module does not import identity's tables.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    assigneeUserId: uuid('assignee_user_id'),
    /** What the task is about, e.g. `mandate` + the mandate's id (no foreign key: any module's record). */
    relatedKind: text('related_kind').notNull(),
    relatedId: uuid('related_id').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('tasks_entity_dedupe_key_unique').on(table.entityId, table.dedupeKey),
    index('tasks_entity_id_idx').on(table.entityId, table.status, table.dueOn),
    index('tasks_related_idx').on(table.relatedKind, table.relatedId),
    index('tasks_assignee_idx').on(table.assigneeUserId).where(sql`${table.assigneeUserId} IS NOT NULL`),
    check('tasks_status', sql`${table.status} IN ('open', 'done', 'cancelled')`),
    check('tasks_title_length', sql`length(${table.title}) BETWEEN 1 AND 300`),
    check('tasks_related_kind_format', sql`${table.relatedKind} ~ '^[a-z][a-z0-9_-]{0,49}$'`),
    check('tasks_dedupe_key_length', sql`length(${table.dedupeKey}) BETWEEN 1 AND 200`),
    tenantIsolationPolicy('tasks'),
  ],
).enableRLS();
