import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { membershipTypes } from '../memberships/memberships.tables.js';

/** The dues an entity asks for a year (one schedule per entity and year). */
export const duesSchedules = pgTable(
  'dues_schedules',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    year: integer('year').notNull(),
    /** Joins during the year pay the remaining months only (ADR 0020). */
    proRata: boolean('pro_rata').notNull().default(false),
    currency: text('currency').notNull().default('EUR'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('dues_schedules_entity_year_unique').on(table.entityId, table.year),
    check('dues_schedules_year', sql`${table.year} BETWEEN 2000 AND 2100`),
    check('dues_schedules_currency', sql`${table.currency} = 'EUR'`),
    tenantIsolationPolicy('dues_schedules'),
  ],
).enableRLS();

/**
 * One amount of a schedule, for a headcount band (INSEE code), a member type, both, or neither (the
 * default). The most specific rate applies; two rates with the same criteria are refused.
 */
export const duesRates = pgTable(
  'dues_rates',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => duesSchedules.id, { onDelete: 'cascade' }),
    headcountBand: text('headcount_band'),
    typeId: uuid('type_id').references(() => membershipTypes.id),
    amountCents: integer('amount_cents').notNull(),
  },
  (table) => [
    uniqueIndex('dues_rates_criteria_unique').on(
      table.scheduleId,
      sql`coalesce(${table.headcountBand}, '*')`,
      sql`coalesce(${table.typeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index('dues_rates_entity_id_idx').on(table.entityId),
    check('dues_rates_amount', sql`${table.amountCents} >= 0`),
    tenantIsolationPolicy('dues_rates'),
  ],
).enableRLS();
