import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { invoices } from '../invoicing/invoicing.tables.js';
import { payments } from '../payments/payments.tables.js';

export const SEQUENCE_TYPES = ['FRST', 'RCUR', 'OOFF', 'FNAL'] as const;
export type SequenceType = (typeof SEQUENCE_TYPES)[number];
export const MANDATE_STATUSES = ['active', 'revoked'] as const;
export const BATCH_STATUSES = ['exported', 'settled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
/** pending: sent to the bank; settled: the payment is recorded; rejected: the bank returned it (R-transaction). */
export const BATCH_ITEM_STATUSES = ['pending', 'settled', 'rejected'] as const;
export type BatchItemStatus = (typeof BATCH_ITEM_STATUSES)[number];
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/**
 * The SEPA creditor identity of an entity (tenant-owned): its ICS and the account collections are
 * credited to. The creditor's own account is a company account, stored in clear.
 */
export const sepaCreditors = pgTable(
  'sepa_creditors',
  {
    entityId: uuid('entity_id')
      .primaryKey()
      .references(() => entities.id),
    creditorIdentifier: text('creditor_identifier').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [tenantIsolationPolicy('sepa_creditors')],
).enableRLS();

/**
 * A debtor company's SEPA direct-debit mandate given to the creditor entity (tenant-owned). The IBAN
 * is encrypted (FieldCipher); its blind index allows lookups and its last 4 characters are shown.
 * The debtor company is a CRM organisation, checked by the service (modules meet through index.ts).
 */
export const sepaMandates = pgTable(
  'sepa_mandates',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    organizationId: uuid('organization_id').notNull(),
    reference: text('reference').notNull(),
    signatureDate: date('signature_date', { mode: 'string' }).notNull(),
    debtorName: text('debtor_name').notNull(),
    ibanEncrypted: text('iban_encrypted').notNull(),
    ibanBlindIndex: text('iban_blind_index').notNull(),
    ibanLast4: text('iban_last4').notNull(),
    bic: text('bic'),
    sequenceType: text('sequence_type', { enum: SEQUENCE_TYPES }).notNull(),
    status: text('status', { enum: MANDATE_STATUSES }).notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The RUM identifies a mandate for its creditor.
    unique('sepa_mandates_entity_reference_unique').on(table.entityId, table.reference),
    // One active mandate per debtor and creditor, so that a collection knows which account to debit.
    uniqueIndex('sepa_mandates_one_active_idx').on(table.entityId, table.organizationId).where(sql`${table.status} = 'active'`),
    index('sepa_mandates_iban_blind_index_idx').on(table.ibanBlindIndex),
    check('sepa_mandates_sequence_type', sql`${table.sequenceType} IN ('FRST', 'RCUR', 'OOFF', 'FNAL')`),
    check('sepa_mandates_status', sql`${table.status} IN ('active', 'revoked')`),
    tenantIsolationPolicy('sepa_mandates'),
  ],
).enableRLS();

/** A pain.008 direct-debit batch as exported (the XML is kept as sent to the bank). */
export const sepaBatches = pgTable(
  'sepa_batches',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    messageId: text('message_id').notNull().unique(),
    collectionDate: date('collection_date', { mode: 'string' }).notNull(),
    numberOfTransactions: integer('number_of_transactions').notNull(),
    controlSumCents: integer('control_sum_cents').notNull(),
    xml: text('xml').notNull(),
    status: text('status', { enum: BATCH_STATUSES }).notNull().default('exported'),
    /** Day the bank credited the collection, given when the batch is marked settled. */
    settledOn: date('settled_on', { mode: 'string' }),
    settledBy: uuid('settled_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sepa_batches_entity_id_idx').on(table.entityId, table.createdAt),
    check('sepa_batches_status', sql`${table.status} IN ('exported', 'settled')`),
    tenantIsolationPolicy('sepa_batches'),
  ],
).enableRLS();

/**
 * One collected invoice; the unique invoice id among items not rejected is what prevents collecting
 * an invoice twice (a rejected debit may be collected again in a later batch).
 */
export const sepaBatchItems = pgTable(
  'sepa_batch_items',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => sepaBatches.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    mandateId: uuid('mandate_id')
      .notNull()
      .references(() => sepaMandates.id),
    amountCents: integer('amount_cents').notNull(),
    sequenceType: text('sequence_type', { enum: SEQUENCE_TYPES }).notNull(),
    status: text('status', { enum: BATCH_ITEM_STATUSES }).notNull().default('pending'),
    /** The payment recorded when the batch was settled. */
    paymentId: uuid('payment_id').references(() => payments.id),
    /** ISO 20022 reason code of a rejected debit (AM04, AC04, MD01…). */
    rejectionReasonCode: text('rejection_reason_code'),
    rejectedOn: date('rejected_on', { mode: 'string' }),
  },
  (table) => [
    uniqueIndex('sepa_batch_items_invoice_live_idx').on(table.invoiceId).where(sql`${table.status} <> 'rejected'`),
    index('sepa_batch_items_batch_id_idx').on(table.batchId),
    check('sepa_batch_items_status', sql`${table.status} IN ('pending', 'settled', 'rejected')`),
    index('sepa_batch_items_entity_id_idx').on(table.entityId),
    check('sepa_batch_items_amount_positive', sql`${table.amountCents} > 0`),
    tenantIsolationPolicy('sepa_batch_items'),
  ],
).enableRLS();
