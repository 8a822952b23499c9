import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { invoiceWriteScope, type InvoicingActor, type InvoicingDeps } from './invoice-actor.js';
import { balanceOf, priceLine, settlementStatus, totalsOf } from './invoice-amounts.js';
import { writeLines } from './invoice-drafts.service.js';
import { InvoiceNotOpenError } from './invoice-errors.js';
import { issueLockedDraft } from './invoice-issuance.service.js';
import { findInvoice, insertDraft, updateSettlement } from './invoices.repository.js';
import { CREDIT_NOTE_SERIES, type CreateCreditNote, type Invoice } from './invoices.schema.js';

/**
 * Issues a credit note against an issued invoice, numbered in its own series (AV) the same way as
 * invoices, and lowers what remains to be collected. Without lines it mirrors the invoice's lines
 * (whole cancellation), which is only possible while nothing has been paid or credited yet.
 * A credit note never exceeds the invoice's balance: money already received is refunded outside
 * this API.
 */
export async function createCreditNote(deps: InvoicingDeps, actor: InvoicingActor, invoiceId: string, input: CreateCreditNote): Promise<Invoice> {
  return withTransaction(deps.database, invoiceWriteScope(actor), async (tx) => {
    const invoice = await findInvoice(tx, invoiceId, { forUpdate: true });
    if (!invoice || invoice.kind !== 'invoice') throw new NotFoundError('Invoice');
    if (invoice.status === 'draft') throw new InvoiceNotOpenError("Cette facture est un brouillon : modifiez-la directement, un avoir ne s'applique qu'à une facture émise.");
    const balance = balanceOf(invoice);
    if (balance <= 0) throw new InvoiceNotOpenError(`La facture ${invoice.number} est soldée : il ne reste rien à annuler par un avoir.`);
    const wholeInvoice = invoice.paidCents === 0 && invoice.creditedCents === 0;
    if (!input.lines && !wholeInvoice) {
      throw new ValidationError([{ pointer: '/lines', message: "La facture a déjà été réglée ou créditée en partie : précisez les lignes de l'avoir." }], "L'avoir ne peut pas être émis.");
    }
    const lines = input.lines ?? invoice.lines.map(({ label, quantity, unitAmountCents, vatRateBasisPoints }) => ({ label, quantity, unitAmountCents, vatRateBasisPoints }));
    if (invoice.vatRegime === 'outside_scope' && lines.some((line) => (line.vatRateBasisPoints ?? 0) !== 0)) {
      throw new ValidationError([{ pointer: '/lines', message: 'La facture est hors champ de TVA : son avoir ne peut pas porter de taux de TVA.' }], "L'avoir ne peut pas être émis.");
    }
    const amount = totalsOf(lines.map((line) => priceLine({ ...line, vatRateBasisPoints: line.vatRateBasisPoints ?? 0 }))).totalInclTaxCents;
    if (amount > balance) {
      throw new ValidationError(
        [{ pointer: '/lines', message: `L'avoir (${amount} centimes) dépasse le reste à encaisser de la facture (${balance} centimes).` }],
        "L'avoir ne peut pas être émis.",
      );
    }
    const id = newId();
    await insertDraft(
      tx,
      id,
      invoice.entityId,
      'credit_note',
      { organizationId: invoice.organizationId, series: CREDIT_NOTE_SERIES, dueDate: null, vatRegime: invoice.vatRegime, vatMention: invoice.vatMention },
      invoice.id,
    );
    await writeLines(tx, id, invoice.entityId, lines);
    const creditNote = await issueLockedDraft(tx, (await findInvoice(tx, id))!, actor);
    const creditedCents = invoice.creditedCents + creditNote.totalInclTaxCents;
    const status = settlementStatus({ ...invoice, creditedCents });
    await updateSettlement(tx, invoice.id, { paidCents: invoice.paidCents, creditedCents, status });
    await recordAudit(tx, {
      action: 'membership.invoice.credited',
      resourceType: 'invoice',
      resourceId: invoice.id,
      entityId: invoice.entityId,
      before: { status: invoice.status, creditedCents: invoice.creditedCents },
      after: { status, creditedCents, creditNote: creditNote.number },
      actor: actor.audit,
    });
    return creditNote;
  });
}
