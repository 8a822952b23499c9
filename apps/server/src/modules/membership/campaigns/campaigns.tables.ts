import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { invoices } from '../invoicing/invoicing.tables.js';
import { memberships } from '../memberships/memberships.tables.js';

export const CAMPAIGN_STATUSES = ['queued', 'running', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_ITEM_OUTCOMES = ['issued', 'skipped', 'failed'] as const;
export type CampaignItemOutcome = (typeof CAMPAIGN_ITEM_OUTCOMES)[number];

/** The renewal campaign of an entity for a year (one per entity and year; running it again resumes it). */
export const renewalCampaigns = pgTable(
  'renewal_campaigns',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    year: integer('year').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** Days after the due date when unpaid renewals get a reminder (default 30 and 60). */
    reminderOffsets: integer('reminder_offsets').array().notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('queued'),
    /** Members due when the last run started. */
    totalCount: integer('total_count').notNull().default(0),
    runs: integer('runs').notNull().default(0),
    createdBy: uuid('created_by'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('renewal_campaigns_entity_year_unique').on(table.entityId, table.year),
    check('renewal_campaigns_status', sql`${table.status} IN ('queued', 'running', 'completed')`),
    check('renewal_campaigns_dates', sql`${table.issueDate} <= ${table.dueDate}`),
    tenantIsolationPolicy('renewal_campaigns'),
  ],
).enableRLS();

/**
 * What the campaign did for each member due. The unique (membership, year) is the exactly-once
 * guarantee: the row is inserted in the transaction that issues the renewal invoice (ADR 0020).
 */
export const renewalInvoices = pgTable(
  'renewal_invoices',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => renewalCampaigns.id),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    year: integer('year').notNull(),
    outcome: text('outcome', { enum: CAMPAIGN_ITEM_OUTCOMES }).notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    /** Why it was skipped or failed (French, shown to staff). */
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('renewal_invoices_membership_year_unique').on(table.membershipId, table.year),
    index('renewal_invoices_campaign_idx').on(table.campaignId, table.outcome),
    index('renewal_invoices_entity_id_idx').on(table.entityId),
    /** The dashboard's renewal totals follow the status of these invoices (membership-totals.tables.ts). */
    index('renewal_invoices_invoice_idx').on(table.invoiceId),
    check('renewal_invoices_outcome', sql`${table.outcome} IN ('issued', 'skipped', 'failed')`),
    check('renewal_invoices_issued', sql`(${table.outcome} = 'issued') = (${table.invoiceId} IS NOT NULL)`),
    tenantIsolationPolicy('renewal_invoices'),
  ],
).enableRLS();

/** One reminder step sent for an unpaid renewal invoice (unique: each step happens once). */
export const renewalReminders = pgTable(
  'renewal_reminders',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** Days after the due date this step belongs to (30, 60…). */
    offsetDays: integer('offset_days').notNull(),
    /** False when the member has no billing e-mail: only the follow-up task was created. */
    mailed: boolean('mailed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('renewal_reminders_invoice_step_unique').on(table.invoiceId, table.offsetDays),
    index('renewal_reminders_entity_id_idx').on(table.entityId),
    tenantIsolationPolicy('renewal_reminders'),
  ],
).enableRLS();
