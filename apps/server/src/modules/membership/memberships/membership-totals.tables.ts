import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { MEMBERSHIP_STATUSES } from './memberships.tables.js';

/*
 * Per-entity totals behind the dashboard (docs/dashboard.md), so that a national read sums about a
 * hundred rows instead of scanning every membership and invoice. They are maintained by statement
 * triggers on `memberships`, `invoices` and `renewal_invoices` (custom migration
 * `membership_totals_triggers`) in the transaction that changes the source rows: always exact,
 * never stale, and visible under the same row-level security as the rows they count.
 */

/** Memberships per entity and status. */
export const membershipStatusTotals = pgTable(
  'membership_status_totals',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    members: integer('members').notNull(),
  },
  (table) => [primaryKey({ columns: [table.entityId, table.status] }), tenantIsolationPolicy('membership_status_totals')],
).enableRLS();

/** Dues invoices (kind invoice, series COT, issued / partly paid / paid) per entity and fiscal year. */
export const membershipDuesTotals = pgTable(
  'membership_dues_totals',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    invoices: integer('invoices').notNull(),
    /** Σ total incl. tax − credited. */
    invoicedCents: bigint('invoiced_cents', { mode: 'number' }).notNull(),
    collectedCents: bigint('collected_cents', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.entityId, table.fiscalYear] }), tenantIsolationPolicy('membership_dues_totals')],
).enableRLS();

/**
 * Unpaid balances of issued or partly paid invoices (any series) per entity and due date; a row
 * goes away when its last invoice is settled. Overdue = the rows due before today.
 */
export const membershipOpenBalances = pgTable(
  'membership_open_balances',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    invoices: integer('invoices').notNull(),
    unpaidCents: bigint('unpaid_cents', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entityId, table.dueDate] }),
    index('membership_open_balances_due_date_idx').on(table.dueDate),
    tenantIsolationPolicy('membership_open_balances'),
  ],
).enableRLS();

/** Renewal invoices a campaign issued per entity and year, and how many of them are paid. */
export const membershipRenewalTotals = pgTable(
  'membership_renewal_totals',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    year: integer('year').notNull(),
    due: integer('due').notNull(),
    renewed: integer('renewed').notNull(),
  },
  (table) => [primaryKey({ columns: [table.entityId, table.year] }), tenantIsolationPolicy('membership_renewal_totals')],
).enableRLS();
