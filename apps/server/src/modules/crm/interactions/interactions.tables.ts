import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { organizations } from '../organizations/organizations.tables.js';
import { persons } from '../persons/persons.tables.js';

export const INTERACTION_KINDS = ['call', 'meeting', 'email', 'note', 'event_attendance', 'membership_change'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * One entry of a company's and/or a person's timeline, owned by the entity that recorded it
 * (ADR 0007: interactions are relational data, never shared across branches).
 */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    kind: text('kind', { enum: INTERACTION_KINDS }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    subject: text('subject').notNull(),
    /** Rich text, sanitised on write (sanitize-body.ts): safe to render as HTML. */
    bodyHtml: text('body_html'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('interactions_entity_id_idx').on(table.entityId),
    // Timelines: newest first per company / per person (keyset on occurred_at, id). NULLS FIRST is
    // what `ORDER BY occurred_at DESC` means: with NULLS LAST the planner would sort instead.
    index('interactions_organization_timeline_idx').on(table.organizationId, table.occurredAt.desc().nullsFirst(), table.id),
    index('interactions_person_timeline_idx').on(table.personId, table.occurredAt.desc().nullsFirst(), table.id),
    check('interactions_kind', sql`${table.kind} IN ('call', 'meeting', 'email', 'note', 'event_attendance', 'membership_change')`),
    check('interactions_subject_of_someone', sql`${table.organizationId} IS NOT NULL OR ${table.personId} IS NOT NULL`),
    tenantIsolationPolicy('interactions'),
  ],
).enableRLS();
