import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
export const FLAG_KINDS = ['boolean', 'variant'];
/**
 * Feature flags: network-wide, managed by national staff (no RLS). A flag serves one of its
 * variants: the first matching targeting rule's, else the default one. Boolean flags have the two
 * variants `on` (true) and `off` (false).
 */
export const featureFlags = pgTable('feature_flags', {
    key: text('key').primaryKey(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: FLAG_KINDS }).notNull(),
    variants: jsonb('variants').$type().notNull(),
    defaultVariant: text('default_variant').notNull(),
    /** Ordered: the first rule whose conditions all hold decides. */
    rules: jsonb('rules').$type().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
}, (table) => [check('feature_flags_key_format', sql `${table.key} ~ '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$'`)]);
//# sourceMappingURL=feature-flags.tables.js.map