import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { balanceOf } from '../invoicing/invoice-amounts.js';
import { findInvoice } from '../invoicing/invoices.repository.js';
import { reversePayment } from '../payments/payment-reversal.js';
import { applyPayment } from '../payments/payments.service.js';
import { findCreditor } from './sepa-creditors.service.js';
import { revokeInTransaction } from './sepa-mandates.service.js';
import { reasonEndsMandate } from './sepa-reason-codes.js';
import { sepaWriteScope, type SepaActor, type SepaDeps } from './sepa-deps.js';
import { findBatch, itemsOf, markBatchSettled, markItemRejected, markItemSettled } from './sepa-batches.repository.js';
import type { Batch, RecordRejection, SettleBatch } from './sepa.schema.js';

async function lockedBatch(tx: Tx, id: string): Promise<Batch> {
  const found = await findBatch(tx, id, { forUpdate: true });
  if (!found) throw new NotFoundError('SEPA batch');
  return found.batch;
}

/**
 * The bank credited the batch: records a SEPA payment on each collected invoice (for its amount,
 * capped at what is still due if the invoice was partly settled otherwise meanwhile). The batch row
 * is locked, so a retry or a concurrent request finds the batch settled and changes nothing.
 * Debits rejected before settlement are left out.
 */
export async function settleBatch(deps: SepaDeps, actor: SepaActor, id: string, input: SettleBatch): Promise<Batch> {
  return withTransaction(deps.database, sepaWriteScope(actor), async (tx) => {
    const batch = await lockedBatch(tx, id);
    if (batch.status === 'settled') return batch;
    if (input.settledOn < batch.createdAt.slice(0, 10)) {
      throw new ValidationError([{ pointer: '/settledOn', message: 'La date de règlement ne peut pas précéder la création de la remise.' }], 'La remise ne peut pas être marquée réglée.');
    }
    let paymentsRecorded = 0;
    for (const item of await itemsOf(tx, id)) {
      if (item.status !== 'pending') continue;
      const invoice = (await findInvoice(tx, item.invoiceId, { forUpdate: true }))!;
      const amountCents = Math.min(item.amountCents, balanceOf(invoice));
      const payment =
        amountCents > 0 ? await applyPayment(tx, invoice, { method: 'sepa_debit', amountCents, paidOn: input.settledOn, reference: `Remise SEPA ${batch.messageId}` }, actor) : null;
      await markItemSettled(tx, item.id, payment?.id ?? null);
      if (payment) paymentsRecorded += 1;
    }
    await markBatchSettled(tx, id, input.settledOn, actor.principal.userId);
    await recordAudit(tx, {
      action: 'membership.sepa_batch.settled',
      resourceType: 'sepa_batch',
      resourceId: id,
      entityId: batch.entityId,
      before: { status: batch.status },
      after: { status: 'settled', settledOn: input.settledOn, paymentsRecorded },
      actor: actor.audit,
    });
    return (await findBatch(tx, id))!.batch;
  });
}

/**
 * The bank rejected or returned one debit of the batch (an R-transaction): the item is marked
 * rejected with the bank's reason code and, if the batch was settled, its payment is reversed so the
 * invoice is open again (overdue once due). A reason code saying the mandate is no longer usable
 * (closed account, no valid mandate…: `sepa-reason-codes.ts`) revokes the mandate in the same
 * transaction, so no later batch debits it again. Recording the same rejection again changes
 * nothing; the invoice may then be collected in a later batch or paid otherwise.
 */
export async function recordRejection(deps: SepaDeps, actor: SepaActor, id: string, input: RecordRejection): Promise<Batch> {
  return withTransaction(deps.database, sepaWriteScope(actor), async (tx) => {
    const batch = await lockedBatch(tx, id);
    const [item] = await itemsOf(tx, id, input.invoiceId);
    if (!item) {
      throw new ValidationError([{ pointer: '/invoiceId', message: "Cette facture n'est pas dans cette remise." }], 'Le rejet ne peut pas être enregistré.');
    }
    if (item.status === 'rejected') return batch;
    const endsMandate = reasonEndsMandate(input.reasonCode);
    // Batches of the entity are built under its creditor row lock: taking it first means a batch being
    // built now either finishes before the revocation or sees the mandate revoked.
    if (endsMandate) await findCreditor(tx, batch.entityId, { forUpdate: true });
    const invoiceStatus = item.paymentId ? await reversePayment(tx, item.paymentId, { reversedOn: input.rejectedOn, reasonCode: input.reasonCode }, actor) : null;
    await markItemRejected(tx, item.id, input.reasonCode, input.rejectedOn);
    const mandateRevoked = endsMandate
      ? (await revokeInTransaction(tx, actor, item.mandateId, { reasonCode: input.reasonCode, batchId: id, invoiceId: input.invoiceId }))?.status === 'revoked'
      : false;
    await recordAudit(tx, {
      action: 'membership.sepa_debit.rejected',
      resourceType: 'sepa_batch',
      resourceId: id,
      entityId: batch.entityId,
      before: { itemStatus: item.status },
      after: { invoiceId: input.invoiceId, reasonCode: input.reasonCode, rejectedOn: input.rejectedOn, paymentReversed: item.paymentId, invoiceStatus, mandateRevoked },
      actor: actor.audit,
    });
    return (await findBatch(tx, id))!.batch;
  });
}
