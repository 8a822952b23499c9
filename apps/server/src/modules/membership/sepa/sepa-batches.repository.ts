import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import { invoices } from '../invoicing/invoicing.tables.js';
import type { Batch, BatchListQuery, BatchSummary } from './sepa.schema.js';
import { sepaBatches, sepaBatchItems, sepaMandates, type BatchItemStatus, type SequenceType } from './sepa.tables.js';

/** An issued invoice with a balance whose customer has an active, unspent mandate with the invoicing entity. */
export interface CollectableInvoice {
  invoiceId: string;
  number: string;
  balanceCents: number;
  alreadyBatched: boolean;
  mandateId: string;
  mandateReference: string;
  mandateSignatureDate: string;
  sequenceType: SequenceType;
  debtorName: string;
  ibanEncrypted: string;
  bic: string | null;
}

export async function collectableInvoices(tx: Tx, entityId: string, invoiceIds: readonly string[] | null): Promise<CollectableInvoice[]> {
  const { rows } = await tx.client.query<CollectableInvoice>(
    `SELECT i.id AS "invoiceId", i.number, i.total_incl_tax_cents - i.paid_cents - i.credited_cents AS "balanceCents",
            EXISTS (SELECT 1 FROM sepa_batch_items b WHERE b.invoice_id = i.id AND b.status <> 'rejected') AS "alreadyBatched",
            m.id AS "mandateId", m.reference AS "mandateReference", to_char(m.signature_date, 'YYYY-MM-DD') AS "mandateSignatureDate",
            m.sequence_type AS "sequenceType", m.debtor_name AS "debtorName", m.iban_encrypted AS "ibanEncrypted", m.bic
       FROM invoices i
       JOIN sepa_mandates m ON m.entity_id = i.entity_id AND m.organization_id = i.organization_id AND m.status = 'active'
      WHERE i.entity_id = $1 AND i.kind = 'invoice' AND i.status IN ('issued', 'partially_paid')
        AND i.total_incl_tax_cents - i.paid_cents - i.credited_cents > 0
        -- A one-off or final mandate is spent once it has been collected.
        AND NOT (m.sequence_type IN ('OOFF', 'FNAL') AND EXISTS (SELECT 1 FROM sepa_batch_items x WHERE x.mandate_id = m.id))
        AND ($2::uuid[] IS NULL OR i.id = ANY($2::uuid[]))
      ORDER BY i.number`,
    [entityId, invoiceIds],
  );
  return rows;
}

export async function entityName(tx: Tx, entityId: string): Promise<string | null> {
  const { rows } = await tx.client.query<{ name: string }>('SELECT coalesce(legal_name, name) AS name FROM entities WHERE id = $1', [entityId]);
  return rows[0]?.name ?? null;
}

export async function insertBatch(tx: Tx, batch: typeof sepaBatches.$inferInsert, items: Array<typeof sepaBatchItems.$inferInsert>): Promise<void> {
  await tx.db.insert(sepaBatches).values(batch);
  await tx.db.insert(sepaBatchItems).values(items);
}

type BatchRow = typeof sepaBatches.$inferSelect;

function toSummary(row: Omit<BatchRow, 'xml'>): BatchSummary {
  return {
    id: row.id,
    entityId: row.entityId,
    messageId: row.messageId,
    collectionDate: row.collectionDate,
    numberOfTransactions: row.numberOfTransactions,
    controlSumCents: row.controlSumCents,
    status: row.status,
    settledOn: row.settledOn,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findBatch(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<{ batch: Batch; xml: string } | null> {
  const query = tx.db.select().from(sepaBatches).where(eq(sepaBatches.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return null;
  const items = await tx.db
    .select({
      invoiceId: sepaBatchItems.invoiceId,
      invoiceNumber: sql<string>`${invoices.number}`,
      mandateId: sepaBatchItems.mandateId,
      mandateReference: sepaMandates.reference,
      amountCents: sepaBatchItems.amountCents,
      sequenceType: sepaBatchItems.sequenceType,
      status: sepaBatchItems.status,
      rejectionReasonCode: sepaBatchItems.rejectionReasonCode,
      rejectedOn: sepaBatchItems.rejectedOn,
    })
    .from(sepaBatchItems)
    .innerJoin(invoices, eq(invoices.id, sepaBatchItems.invoiceId))
    .innerJoin(sepaMandates, eq(sepaMandates.id, sepaBatchItems.mandateId))
    .where(eq(sepaBatchItems.batchId, id))
    .orderBy(asc(sepaBatchItems.id));
  return { batch: { ...toSummary(row), items }, xml: row.xml };
}

/** The batches the scope sees, newest first (at most 200). */
export async function listBatches(tx: Tx, filter: BatchListQuery): Promise<BatchSummary[]> {
  // The stored file is not part of a list.
  const { xml: _xml, ...columns } = getTableColumns(sepaBatches);
  const rows = await tx.db
    .select(columns)
    .from(sepaBatches)
    .where(filter.entityId ? eq(sepaBatches.entityId, filter.entityId) : undefined)
    .orderBy(desc(sepaBatches.createdAt), desc(sepaBatches.id))
    .limit(200);
  return rows.map(toSummary);
}


export interface BatchItemRecord {
  id: string;
  invoiceId: string;
  mandateId: string;
  amountCents: number;
  status: BatchItemStatus;
  paymentId: string | null;
}

export async function itemsOf(tx: Tx, batchId: string, invoiceId?: string): Promise<BatchItemRecord[]> {
  return tx.db
    .select({ id: sepaBatchItems.id, invoiceId: sepaBatchItems.invoiceId, mandateId: sepaBatchItems.mandateId, amountCents: sepaBatchItems.amountCents, status: sepaBatchItems.status, paymentId: sepaBatchItems.paymentId })
    .from(sepaBatchItems)
    .where(and(eq(sepaBatchItems.batchId, batchId), invoiceId ? eq(sepaBatchItems.invoiceId, invoiceId) : undefined))
    .orderBy(asc(sepaBatchItems.id));
}

export async function markItemSettled(tx: Tx, id: string, paymentId: string | null): Promise<void> {
  await tx.db.update(sepaBatchItems).set({ status: 'settled', paymentId }).where(eq(sepaBatchItems.id, id));
}

export async function markItemRejected(tx: Tx, id: string, reasonCode: string, rejectedOn: string): Promise<void> {
  await tx.db.update(sepaBatchItems).set({ status: 'rejected', rejectionReasonCode: reasonCode, rejectedOn }).where(eq(sepaBatchItems.id, id));
}

export async function markBatchSettled(tx: Tx, id: string, settledOn: string, settledBy: string | null): Promise<void> {
  await tx.db.update(sepaBatches).set({ status: 'settled', settledOn, settledBy }).where(eq(sepaBatches.id, id));
}
