import { sql } from 'drizzle-orm';
import type { Tx } from '../../../../platform/db/index.js';
import { invoicePaymentDetails } from './invoice-payment-details.js';
import type { Invoice } from '../invoices.schema.js';
import { invoices } from '../invoicing.tables.js';
import { invoiceDocuments } from './invoice-documents.tables.js';
import type { InvoicePdfContext } from './invoice-pdf-content.js';

export interface StoredInvoicePdf {
  fileName: string;
  content: Buffer;
  sha256: string;
}

export interface NewInvoicePdf extends StoredInvoicePdf {
  invoiceId: string;
  entityId: string;
  generatedBy: string | null;
}

/** The stored PDF if the scope sees it (RLS). */
export async function findInvoiceDocument(tx: Tx, invoiceId: string): Promise<StoredInvoicePdf | null> {
  const [row] = await tx.db
    .select({ fileName: invoiceDocuments.fileName, content: invoiceDocuments.content, sha256: invoiceDocuments.sha256 })
    .from(invoiceDocuments)
    .where(sql`${invoiceDocuments.invoiceId} = ${invoiceId}`);
  return row ?? null;
}

/**
 * Stores the PDF unless one is already there; false when a concurrent request stored its own first
 * (the unique key makes this insert wait for that transaction, then step aside).
 */
export async function insertInvoiceDocument(tx: Tx, document: NewInvoicePdf): Promise<boolean> {
  const inserted = await tx.db
    .insert(invoiceDocuments)
    .values({ ...document, byteSize: document.content.length })
    .onConflictDoNothing({ target: invoiceDocuments.invoiceId })
    .returning({ invoiceId: invoiceDocuments.invoiceId });
  return inserted.length === 1;
}

/** The issuing entity's usual name, how to pay the invoice and, for a credit note, the invoice it credits. */
export async function readPrintContext(tx: Tx, invoice: Invoice): Promise<InvoicePdfContext> {
  // `entities` is the platform's shared network tree (no RLS): every module may read it.
  const { rows } = await tx.client.query<{ name: string }>('SELECT name FROM entities WHERE id = $1', [invoice.entityId]);
  let creditedInvoice: InvoicePdfContext['creditedInvoice'] = null;
  if (invoice.creditedInvoiceId) {
    const [credited] = await tx.db
      .select({ number: invoices.number, issueDate: invoices.issueDate })
      .from(invoices)
      .where(sql`${invoices.id} = ${invoice.creditedInvoiceId}`);
    if (credited?.number && credited.issueDate) creditedInvoice = { number: credited.number, issueDate: credited.issueDate };
  }
  const payment = invoice.kind === 'invoice' ? await invoicePaymentDetails(tx, invoice) : { bankAccount: null, directDebit: null };
  return { issuerUsualName: rows[0]?.name ?? null, creditedInvoice, payment };
}
