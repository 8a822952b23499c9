import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { invoices } from '../invoicing/invoicing.tables.js';

export const PAYMENT_METHODS = ['transfer', 'cheque', 'card', 'sepa_debit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money received against an issued invoice (tenant-owned, RLS: the invoice's entity). Append-only. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    reference: text('reference'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('payments_invoice_id_idx').on(table.invoiceId, table.paidOn),
    index('payments_entity_id_idx').on(table.entityId),
    check('payments_method', sql`${table.method} IN ('transfer', 'cheque', 'card', 'sepa_debit')`),
    check('payments_amount_positive', sql`${table.amountCents} > 0`),
    tenantIsolationPolicy('payments'),
  ],
).enableRLS();

/**
 * A payment the bank took back (a rejected or returned SEPA debit, an R-transaction): the payment row
 * stays (append-only), this row cancels it, at most once, and the invoice's paid sum drops by its amount.
 */
export const paymentReversals = pgTable(
  'payment_reversals',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    paymentId: uuid('payment_id')
      .notNull()
      .unique()
      .references(() => payments.id),
    reversedOn: date('reversed_on', { mode: 'string' }).notNull(),
    /** ISO 20022 reason code given by the bank (AC04 account closed, AM04 insufficient funds, MD06 refund…). */
    reasonCode: text('reason_code').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('payment_reversals_entity_id_idx').on(table.entityId), tenantIsolationPolicy('payment_reversals')],
).enableRLS();
