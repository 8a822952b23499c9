import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const SEGMENT_TARGETS = ['organizations', 'persons'] as const;
export type SegmentTarget = (typeof SEGMENT_TARGETS)[number];

/**
 * A saved filter of one entity. `filter` holds the list endpoint's own filter parameters, as
 * sent in its querystring (`{"filter[departementCode][in]": "69,01"}`), so that a segment is
 * exactly a list URL that was kept, and its members are read by that list's own code.
 */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    name: text('name').notNull(),
    target: text('target', { enum: SEGMENT_TARGETS }).notNull(),
    filter: jsonb('filter').$type<Record<string, string | number | boolean>>().notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('segments_entity_name_unique').on(table.entityId, table.name),
    index('segments_entity_id_idx').on(table.entityId),
    check('segments_target', sql`${table.target} IN ('organizations', 'persons')`),
    tenantIsolationPolicy('segments'),
  ],
).enableRLS();
