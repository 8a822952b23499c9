import { createHash } from 'node:crypto';
import { recordAudit, type AuditActor } from '../../../../platform/audit/index.js';
import { withTransaction, type Database, type DbScope } from '../../../../platform/db/index.js';
import { ConflictError, NotFoundError } from '../../../../platform/http/errors.js';
import { findInvoice } from '../invoices.repository.js';
import { findInvoiceDocument, insertInvoiceDocument, readPrintContext, type StoredInvoicePdf } from './invoice-documents.repository.js';
import { invoicePdfContent } from './invoice-pdf-content.js';
import { renderInvoicePdf } from './invoice-pdf-renderer.js';

/** 409: a draft has no number yet, so no document can be sent to the customer. */
export class InvoiceDraftWithoutPdfError extends ConflictError {
  constructor() {
    super("Cette facture est un brouillon : elle n'a pas encore de numéro et ne peut pas être téléchargée en PDF. Émettez-la d'abord.", 'invoice_draft_without_pdf');
  }
}

/**
 * The PDF of an issued invoice or credit note. Rendered and stored at the first request, then
 * always answered from storage: the document the customer received never changes, even if the
 * layout code does later. RLS hides other branches' invoices (404).
 */
export async function getInvoicePdf(database: Database, scope: DbScope, actor: AuditActor, invoiceId: string): Promise<StoredInvoicePdf> {
  return withTransaction(database, scope, async (tx) => {
    const invoice = await findInvoice(tx, invoiceId);
    if (!invoice) throw new NotFoundError('Invoice');
    if (invoice.status === 'draft') throw new InvoiceDraftWithoutPdfError();
    const stored = await findInvoiceDocument(tx, invoiceId);
    if (stored) return stored;

    const content = invoicePdfContent(invoice, await readPrintContext(tx, invoice));
    const bytes = Buffer.from(await renderInvoicePdf(content, new Date(invoice.issuedAt!)));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const inserted = await insertInvoiceDocument(tx, { invoiceId, entityId: invoice.entityId, fileName: content.fileName, content: bytes, sha256, generatedBy: actor.userId });
    if (inserted) {
      await recordAudit(tx, {
        action: 'membership.invoice_pdf.generated',
        resourceType: invoice.kind,
        resourceId: invoiceId,
        entityId: invoice.entityId,
        after: { number: invoice.number, fileName: content.fileName, sha256, byteSize: bytes.length },
        actor,
      });
    }
    return (await findInvoiceDocument(tx, invoiceId))!;
  });
}
