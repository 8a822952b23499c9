import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage, type ShapedCondition } from '../../../platform/http/collection-sql.js';
import { balanceOf, type InvoiceTotals, type PricedLine } from './invoice-amounts.js';
import type { InvoiceNumber } from './invoice-numbering.js';
import { invoiceCollection } from './invoices.collection.js';
import type { Invoice, InvoiceLine } from './invoices.schema.js';
import { invoiceLines, invoices, type InvoiceKind, type InvoiceStatus, type SnapshotAddress, type VatRegime } from './invoicing.tables.js';

type InvoiceRow = typeof invoices.$inferSelect;

/** The editable fields of a draft. */
export interface DraftFields {
  organizationId: string;
  series: string;
  dueDate: string | null;
  vatRegime: VatRegime;
  vatMention: string | null;
}

export interface PartySnapshot {
  name: string;
  siren: string;
  address: SnapshotAddress;
}

function toInvoice(row: InvoiceRow, lines: InvoiceLine[]): Invoice {
  const party = (name: string | null, siren: string | null, address: SnapshotAddress | null) =>
    name && siren && address ? { name, siren, address } : null;
  return {
    id: row.id,
    entityId: row.entityId,
    kind: row.kind,
    series: row.series,
    number: row.number,
    status: row.status,
    organizationId: row.organizationId,
    creditedInvoiceId: row.creditedInvoiceId,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    vatRegime: row.vatRegime,
    vatMention: row.vatMention,
    currency: 'EUR',
    totalExclTaxCents: row.totalExclTaxCents,
    totalVatCents: row.totalVatCents,
    totalInclTaxCents: row.totalInclTaxCents,
    paidCents: row.paidCents,
    creditedCents: row.creditedCents,
    balanceCents: row.kind === 'invoice' && row.status !== 'draft' ? balanceOf(row) : 0,
    issuer: party(row.issuerName, row.issuerSiren, row.issuerAddress),
    customer: party(row.customerName, row.customerSiren, row.customerAddress),
    lines,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function linesOf(tx: Tx, invoiceIds: string[]): Promise<Map<string, InvoiceLine[]>> {
  const byInvoice = new Map<string, InvoiceLine[]>();
  if (invoiceIds.length === 0) return byInvoice;
  const rows = await tx.db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, invoiceIds)).orderBy(invoiceLines.invoiceId, invoiceLines.position);
  for (const { invoiceId, position, label, quantity, unitAmountCents, vatRateBasisPoints, totalExclTaxCents, vatCents } of rows) {
    const list = byInvoice.get(invoiceId) ?? [];
    list.push({ position, label, quantity, unitAmountCents, vatRateBasisPoints, totalExclTaxCents, vatCents });
    byInvoice.set(invoiceId, list);
  }
  return byInvoice;
}

async function withLines(tx: Tx, row: InvoiceRow): Promise<Invoice> {
  return toInvoice(row, (await linesOf(tx, [row.id])).get(row.id) ?? []);
}

/** The invoice if the scope sees it (RLS); `forUpdate` locks it until the end of the transaction. */
export async function findInvoice(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Invoice | null> {
  const query = tx.db.select().from(invoices).where(sql`${invoices.id} = ${id}`);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? withLines(tx, row) : null;
}

export async function insertDraft(tx: Tx, id: string, entityId: string, kind: InvoiceKind, fields: DraftFields, creditedInvoiceId: string | null = null): Promise<void> {
  await tx.db.insert(invoices).values({ id, entityId, kind, creditedInvoiceId, ...fields });
}

/** Replaces the lines of a draft and its totals. */
export async function writeDraftLines(tx: Tx, invoiceId: string, entityId: string, lines: readonly PricedLine[], totals: InvoiceTotals, newId: () => string): Promise<void> {
  await tx.db.delete(invoiceLines).where(sql`${invoiceLines.invoiceId} = ${invoiceId}`);
  await tx.db.insert(invoiceLines).values(lines.map((line, index) => ({ id: newId(), entityId, invoiceId, position: index + 1, ...line })));
  await tx.db.update(invoices).set(totals).where(sql`${invoices.id} = ${invoiceId}`);
}

/** Writes the draft's fields if its version is still the expected one; false when it changed meanwhile. */
export async function updateDraft(tx: Tx, id: string, expectedVersion: number, fields: DraftFields): Promise<boolean> {
  const updated = await tx.db
    .update(invoices)
    .set({ ...fields, version: sql`${invoices.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${invoices.id} = ${id} AND ${invoices.version} = ${expectedVersion} AND ${invoices.status} = 'draft'`)
    .returning({ id: invoices.id });
  return updated.length === 1;
}

export async function markIssued(tx: Tx, id: string, number: InvoiceNumber, issuer: PartySnapshot, customer: PartySnapshot, userId: string | null): Promise<void> {
  await tx.db
    .update(invoices)
    .set({
      status: 'issued',
      fiscalYear: number.fiscalYear,
      sequence: number.sequence,
      number: number.number,
      issueDate: number.issueDate,
      issuerName: issuer.name,
      issuerSiren: issuer.siren,
      issuerAddress: issuer.address,
      customerName: customer.name,
      customerSiren: customer.siren,
      customerAddress: customer.address,
      issuedAt: sql`now()`,
      issuedBy: userId,
      version: sql`${invoices.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(sql`${invoices.id} = ${id} AND ${invoices.status} = 'draft'`);
}

/** Records money received or credited against an issued invoice, with the status that follows. */
export async function updateSettlement(tx: Tx, id: string, settlement: { paidCents: number; creditedCents: number; status: InvoiceStatus }): Promise<void> {
  await tx.db
    .update(invoices)
    .set({ ...settlement, version: sql`${invoices.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${invoices.id} = ${id}`);
}

/** One page of the invoices the scope sees; `where` adds a route's own condition (overdue…). */
export async function fetchInvoicePage(tx: Tx, query: CollectionQuery, where?: ShapedCondition): Promise<CollectionPage<Invoice>> {
  const page = await fetchPage<InvoiceRow>(tx, invoiceCollection, query, { table: invoices, ...(where ? { where } : {}) });
  const lines = await linesOf(tx, page.items.map((row) => row.id));
  return { ...page, items: page.items.map((row) => toInvoice(row, lines.get(row.id) ?? [])) };
}

/** Issued invoices still to be collected whose due date has passed (Europe/Paris calendar). */
export const OVERDUE: ShapedCondition = {
  sql: sql`${invoices.kind} = 'invoice' AND ${invoices.status} IN ('issued', 'partially_paid') AND ${invoices.dueDate} < (now() AT TIME ZONE 'Europe/Paris')::date`,
  shape: 'overdue',
};
