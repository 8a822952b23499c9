import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { invoices } from '../invoicing/invoicing.tables.js';

export const MEMBERSHIP_STATUSES = ['pending', 'active', 'grace', 'lapsed', 'cancelled'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** `calendar`: periods are calendar years; `anniversary`: periods run a year from the join date. */
export const PERIOD_KINDS = ['calendar', 'anniversary'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The member types an entity offers (standard, bienfaiteur, honoraire…); `free` types pay no dues. */
export const membershipTypes = pgTable(
  'membership_types',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    code: text('code').notNull(),
    label: text('label').notNull(),
    free: boolean('free').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('membership_types_entity_code_unique').on(table.entityId, table.code),
    check('membership_types_code_format', sql`${table.code} ~ '^[a-z][a-z0-9_-]{0,39}$'`),
    tenantIsolationPolicy('membership_types'),
  ],
).enableRLS();

/**
 * A company (CRM organisation, network-wide) is a member of an entity for a period (ADR 0020).
 * The status moves by the daily job (`membership.daily-status`) from the dates and the payments of
 * the join and renewal invoices. At most one live (pending, active, grace) membership per company
 * and entity.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    organizationId: uuid('organization_id').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => membershipTypes.id),
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull().default('pending'),
    periodKind: text('period_kind', { enum: PERIOD_KINDS }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    currentPeriodStart: date('current_period_start', { mode: 'string' }).notNull(),
    currentPeriodEnd: date('current_period_end', { mode: 'string' }).notNull(),
    tacitRenewal: boolean('tacit_renewal').notNull().default(true),
    graceDays: integer('grace_days').notNull().default(60),
    /** The invoice of the first period's dues; paying it activates the membership. */
    joinInvoiceId: uuid('join_invoice_id').references(() => invoices.id),
    /** Where renewal reminders are mailed (the company's billing contact); none: follow-up task only. */
    billingEmail: text('billing_email'),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancellationReason: text('cancellation_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('memberships_entity_id_idx').on(table.entityId, table.status),
    index('memberships_organization_id_idx').on(table.organizationId),
    uniqueIndex('memberships_one_live_per_entity')
      .on(table.organizationId, table.entityId)
      .where(sql`${table.status} IN ('pending', 'active', 'grace')`),
    check('memberships_status', sql`${table.status} IN ('pending', 'active', 'grace', 'lapsed', 'cancelled')`),
    check('memberships_period_kind', sql`${table.periodKind} IN ('calendar', 'anniversary')`),
    check('memberships_period', sql`${table.currentPeriodStart} <= ${table.currentPeriodEnd}`),
    check('memberships_grace_days', sql`${table.graceDays} BETWEEN 0 AND 366`),
    check('memberships_cancelled', sql`(${table.status} = 'cancelled') = (${table.cancelledOn} IS NOT NULL)`),
    tenantIsolationPolicy('memberships'),
  ],
).enableRLS();

/** Every status change of a membership, by the daily job or by staff (history shown with the membership). */
export const membershipStatusChanges = pgTable(
  'membership_status_changes',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: MEMBERSHIP_STATUSES }),
    toStatus: text('to_status', { enum: MEMBERSHIP_STATUSES }).notNull(),
    /** The business day the change takes effect (Europe/Paris calendar). */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('membership_status_changes_membership_idx').on(table.membershipId, table.createdAt),
    index('membership_status_changes_entity_id_idx').on(table.entityId),
    tenantIsolationPolicy('membership_status_changes'),
  ],
).enableRLS();
