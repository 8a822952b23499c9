import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError } from '../../../platform/http/errors.js';
import { invoiceWriteScope, type InvoicingActor, type InvoicingDeps } from '../invoicing/invoice-actor.js';
import { balanceOf, settlementStatus } from '../invoicing/invoice-amounts.js';
import { InvoiceNotOpenError } from '../invoicing/invoice-errors.js';
import { findInvoice, updateSettlement } from '../invoicing/invoices.repository.js';
import type { Invoice } from '../invoicing/invoices.schema.js';
import { insertPayment, paymentsOf } from './payments.repository.js';
import type { CreatePayment, Payment } from './payments.schema.js';

const euros = (cents: number) => (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });

/**
 * Records money received against an issued invoice, partial payments included. The invoice row is
 * locked first, so that two payments recorded at once cannot together exceed the balance.
 */
export async function recordPayment(deps: InvoicingDeps, actor: InvoicingActor, invoiceId: string, input: CreatePayment): Promise<{ payment: Payment; invoice: Invoice }> {
  return withTransaction(deps.database, invoiceWriteScope(actor), async (tx) => {
    const invoice = await findInvoice(tx, invoiceId, { forUpdate: true });
    if (!invoice || invoice.kind !== 'invoice') throw new NotFoundError('Invoice');
    if (invoice.status === 'draft') throw new InvoiceNotOpenError("Cette facture est un brouillon : émettez-la avant d'enregistrer un paiement.");
    const balance = balanceOf(invoice);
    if (balance <= 0) throw new InvoiceNotOpenError(`La facture ${invoice.number} est soldée : aucun paiement ne peut plus y être enregistré.`);
    if (input.amountCents > balance) {
      throw new ValidationError(
        [{ pointer: '/amountCents', message: `Le montant dépasse le reste à payer de la facture ${invoice.number} (${euros(balance)}).` }],
        'Le paiement ne peut pas être enregistré.',
      );
    }
    const payment = await applyPayment(tx, invoice, input, actor);
    return { payment, invoice: (await findInvoice(tx, invoice.id))! };
  });
}

/**
 * Records a payment of at most the balance on an issued invoice the caller has locked, and its new
 * settlement, with the audit entry. Also used by the settlement of SEPA batches.
 */
export async function applyPayment(tx: Tx, invoice: Invoice, input: CreatePayment, actor: InvoicingActor): Promise<Payment> {
  const payment = await insertPayment(tx, newId(), invoice.entityId, invoice.id, input, actor.principal.userId);
  const paidCents = invoice.paidCents + input.amountCents;
  const status = settlementStatus({ ...invoice, paidCents });
  await updateSettlement(tx, invoice.id, { paidCents, creditedCents: invoice.creditedCents, status });
  await recordAudit(tx, {
    action: 'membership.payment.recorded',
    resourceType: 'payment',
    resourceId: payment.id,
    entityId: invoice.entityId,
    after: { invoiceId: invoice.id, method: input.method, amountCents: input.amountCents, paidOn: input.paidOn, invoiceStatus: status },
    actor: actor.audit,
  });
  return payment;
}

export async function listPayments(database: Database, scope: DbScope, invoiceId: string): Promise<Payment[]> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      if (!(await findInvoice(tx, invoiceId))) throw new NotFoundError('Invoice');
      return paymentsOf(tx, invoiceId);
    },
    { readOnly: true },
  );
}
