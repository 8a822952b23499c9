import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { Batch } from './sepa.schema.js';
import { sepaBatches, sepaBatchItems, type SequenceType } from './sepa.tables.js';

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
            EXISTS (SELECT 1 FROM sepa_batch_items b WHERE b.invoice_id = i.id) AS "alreadyBatched",
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

export async function findBatch(tx: Tx, id: string): Promise<{ batch: Batch; xml: string } | null> {
  const [row] = await tx.db.select().from(sepaBatches).where(eq(sepaBatches.id, id));
  if (!row) return null;
  const items = await tx.db
    .select({ invoiceId: sepaBatchItems.invoiceId, mandateId: sepaBatchItems.mandateId, amountCents: sepaBatchItems.amountCents, sequenceType: sepaBatchItems.sequenceType })
    .from(sepaBatchItems)
    .where(eq(sepaBatchItems.batchId, id))
    .orderBy(asc(sepaBatchItems.id));
  const batch: Batch = {
    id: row.id,
    entityId: row.entityId,
    messageId: row.messageId,
    collectionDate: row.collectionDate,
    numberOfTransactions: row.numberOfTransactions,
    controlSumCents: row.controlSumCents,
    createdAt: row.createdAt.toISOString(),
    items,
  };
  return { batch, xml: row.xml };
}
