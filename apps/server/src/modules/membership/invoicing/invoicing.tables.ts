import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** `issued` onwards the row is frozen (ADR 0013); settlement only moves the status and the paid/credited sums. */
export const INVOICE_STATUSES = ['draft', 'issued', 'partially_paid', 'paid', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** `outside_scope`: dues of a union, outside the scope of VAT (a legal mention replaces the VAT lines). */
export const VAT_REGIMES = ['outside_scope', 'standard'] as const;
export type VatRegime = (typeof VAT_REGIMES)[number];

/** Postal address as printed on the invoice, frozen at issue time. */
export interface SnapshotAddress {
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

/**
 * Invoices and credit notes of an issuing entity (tenant-owned, RLS). Drafts have no number; the
 * number, the issue date and the issuer/customer snapshots are written once, when issued.
 * The customer is a company of the CRM (`organizations`, network-wide): the foreign key is declared
 * in SQL (custom migration) so that this module does not import the CRM's tables.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
    series: text('series').notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('draft'),
    fiscalYear: integer('fiscal_year'),
    sequence: integer('sequence'),
    number: text('number'),
    organizationId: uuid('organization_id').notNull(),
    /** The invoice a credit note cancels (wholly or partly). */
    creditedInvoiceId: uuid('credited_invoice_id').references((): AnyPgColumn => invoices.id),
    issueDate: date('issue_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    vatRegime: text('vat_regime', { enum: VAT_REGIMES }).notNull().default('outside_scope'),
    vatMention: text('vat_mention'),
    currency: text('currency').notNull().default('EUR'),
    totalExclTaxCents: integer('total_excl_tax_cents').notNull().default(0),
    totalVatCents: integer('total_vat_cents').notNull().default(0),
    totalInclTaxCents: integer('total_incl_tax_cents').notNull().default(0),
    paidCents: integer('paid_cents').notNull().default(0),
    creditedCents: integer('credited_cents').notNull().default(0),
    issuerName: text('issuer_name'),
    issuerSiren: text('issuer_siren'),
    issuerAddress: jsonb('issuer_address').$type<SnapshotAddress>(),
    customerName: text('customer_name'),
    customerSiren: text('customer_siren'),
    customerAddress: jsonb('customer_address').$type<SnapshotAddress>(),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('invoices_entity_series_number_unique').on(table.entityId, table.series, table.fiscalYear, table.sequence),
    index('invoices_entity_id_idx').on(table.entityId, table.status),
    index('invoices_organization_id_idx').on(table.organizationId),
    index('invoices_due_date_idx').on(table.dueDate).where(sql`${table.status} IN ('issued', 'partially_paid')`),
    check('invoices_kind', sql`${table.kind} IN ('invoice', 'credit_note')`),
    check('invoices_status', sql`${table.status} IN ('draft', 'issued', 'partially_paid', 'paid', 'cancelled')`),
    check('invoices_vat_regime', sql`${table.vatRegime} IN ('outside_scope', 'standard')`),
    check('invoices_series_format', sql`${table.series} ~ '^[A-Z]{2,5}$'`),
    // A number exists exactly when the document left the draft state.
    check(
      'invoices_numbered_when_issued',
      sql`(${table.status} = 'draft') = (${table.number} IS NULL) AND (${table.number} IS NULL) = (${table.sequence} IS NULL) AND (${table.number} IS NULL) = (${table.issueDate} IS NULL)`,
    ),
    check('invoices_credit_note_target', sql`(${table.kind} = 'credit_note') = (${table.creditedInvoiceId} IS NOT NULL)`),
    check('invoices_settlement', sql`${table.paidCents} >= 0 AND ${table.creditedCents} >= 0 AND ${table.paidCents} + ${table.creditedCents} <= ${table.totalInclTaxCents}`),
    tenantIsolationPolicy('invoices'),
  ],
).enableRLS();

/** Lines of an invoice; amounts in integer cents, VAT rate in basis points (2000 = 20 %). */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    quantity: integer('quantity').notNull(),
    unitAmountCents: integer('unit_amount_cents').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull().default(0),
    totalExclTaxCents: integer('total_excl_tax_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
  },
  (table) => [
    unique('invoice_lines_invoice_position_unique').on(table.invoiceId, table.position),
    index('invoice_lines_entity_id_idx').on(table.entityId),
    check('invoice_lines_quantity', sql`${table.quantity} > 0`),
    check('invoice_lines_vat_rate', sql`${table.vatRateBasisPoints} BETWEEN 0 AND 10000`),
    tenantIsolationPolicy('invoice_lines'),
  ],
).enableRLS();

/**
 * The last number given per issuing entity, series and fiscal year. The issuing transaction
 * increments its row (which locks it until COMMIT), so numbers follow commit order with no gap:
 * a rolled-back issuance gives its number back with the rest of the transaction.
 */
export const invoiceNumberCounters = pgTable(
  'invoice_number_counters',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    series: text('series').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entityId, table.series, table.fiscalYear] }),
    check('invoice_number_counters_positive', sql`${table.lastNumber} > 0`),
    tenantIsolationPolicy('invoice_number_counters'),
  ],
).enableRLS();
