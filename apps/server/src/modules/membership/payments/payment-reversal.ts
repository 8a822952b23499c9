import { recordAudit } from '../../../platform/audit/index.js';
import { newId, type Tx } from '../../../platform/db/index.js';
import type { InvoicingActor } from '../invoicing/invoice-actor.js';
import { settlementStatus } from '../invoicing/invoice-amounts.js';
import { findInvoice, updateSettlement } from '../invoicing/invoices.repository.js';
import type { InvoiceStatus } from '../invoicing/invoicing.tables.js';
import { findPayment, insertReversal } from './payments.repository.js';

/**
 * Cancels a payment the bank took back (a rejected SEPA debit): the payment row stays, a reversal
 * row cancels it, and the invoice's paid sum and status are recomputed — back to issued (overdue
 * once its due date has passed) or partially paid. Reversing a reversed payment changes nothing.
 */
export async function reversePayment(tx: Tx, paymentId: string, input: { reversedOn: string; reasonCode: string }, actor: InvoicingActor): Promise<InvoiceStatus | null> {
  const payment = await findPayment(tx, paymentId);
  if (!payment || payment.reversal) return null;
  const invoice = (await findInvoice(tx, payment.invoiceId, { forUpdate: true }))!;
  await insertReversal(tx, { id: newId(), entityId: payment.entityId, paymentId, reversedOn: input.reversedOn, reasonCode: input.reasonCode, recordedBy: actor.principal.userId });
  const paidCents = invoice.paidCents - payment.amountCents;
  const status = settlementStatus({ ...invoice, paidCents });
  await updateSettlement(tx, invoice.id, { paidCents, creditedCents: invoice.creditedCents, status });
  await recordAudit(tx, {
    action: 'membership.payment.reversed',
    resourceType: 'payment',
    resourceId: paymentId,
    entityId: payment.entityId,
    before: { amountCents: payment.amountCents, invoiceStatus: invoice.status },
    after: { invoiceId: invoice.id, reversedOn: input.reversedOn, reasonCode: input.reasonCode, invoiceStatus: status },
    actor: actor.audit,
  });
  return status;
}
