import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type DbScope } from '../../../platform/db/index.js';
import { AppError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { buildPain008 } from './pain008.js';
import { findCreditor } from './sepa-creditors.service.js';
import { SEPA_PERMISSIONS, sepaWriteScope, type SepaActor, type SepaDeps } from './sepa-deps.js';
import { collectableInvoices, entityName, findBatch, insertBatch, listBatches, type CollectableInvoice } from './sepa-batches.repository.js';
import { setSequenceType } from './sepa-mandates.repository.js';
import type { Batch, BatchListQuery, BatchSummary, CreateBatch } from './sepa.schema.js';

const REFUSED = 'La remise de prélèvements ne peut pas être créée.';

/** A one-off (OOFF) or final (FNAL) mandate allows one collection: keep its first invoice only. */
function singleUseOnce(candidates: CollectableInvoice[]): CollectableInvoice[] {
  const used = new Set<string>();
  return candidates.filter((candidate) => {
    if (candidate.sequenceType !== 'OOFF' && candidate.sequenceType !== 'FNAL') return true;
    if (used.has(candidate.mandateId)) return false;
    used.add(candidate.mandateId);
    return true;
  });
}

/**
 * Builds and records a pain.008 batch of the entity's issued, unpaid invoices whose customer has an
 * active mandate. The creditor row is locked first, so batches of one entity are built one at a
 * time; an invoice already in a batch is skipped (and the unique item per invoice forbids it anyway),
 * which makes re-running harmless: with nothing new to collect it answers 409.
 */
export async function createBatch(deps: SepaDeps, actor: SepaActor, input: CreateBatch): Promise<Batch> {
  if (!actor.principal.holdsOn(SEPA_PERMISSIONS.write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas prélever au nom de cette structure.' }], REFUSED);
  }
  // The bank needs the file before the collection date; a past date would be rejected by it.
  if (input.collectionDate <= new Date().toISOString().slice(0, 10)) {
    throw new ValidationError([{ pointer: '/collectionDate', message: 'La date de prélèvement doit être postérieure à aujourd’hui.' }], REFUSED);
  }
  return withTransaction(deps.database, sepaWriteScope(actor), async (tx) => {
    const creditor = await findCreditor(tx, input.entityId, { forUpdate: true });
    if (!creditor) {
      throw new AppError('sepa_creditor_missing', 422, 'SEPA creditor missing', "Renseignez l'identifiant créancier SEPA (ICS) et le compte de la structure avant de créer une remise.", [
        { pointer: '/entityId', message: "Cette structure n'a pas d'identifiant créancier SEPA." },
      ]);
    }
    const candidates = await collectableInvoices(tx, input.entityId, input.invoiceIds ?? null);
    if (input.invoiceIds) {
      const found = new Set(candidates.map((candidate) => candidate.invoiceId));
      const errors: FieldError[] = input.invoiceIds.flatMap((id, index) =>
        found.has(id) ? [] : [{ pointer: `/invoiceIds/${index}`, message: "Cette facture n'est pas prélevable : introuvable, non émise, déjà réglée, ou son client n'a pas de mandat SEPA actif." }],
      );
      if (errors.length > 0) throw new ValidationError(errors, REFUSED);
    }
    const toCollect = singleUseOnce(candidates.filter((candidate) => !candidate.alreadyBatched));
    if (toCollect.length === 0) throw new ConflictError('Aucune facture à prélever : elles sont déjà toutes dans une remise, ou aucune ne remplit les conditions.', 'sepa_nothing_to_collect');

    const id = newId();
    const messageId = id.replace(/-/g, '');
    const createdAt = new Date();
    const controlSumCents = toCollect.reduce((sum, invoice) => sum + invoice.balanceCents, 0);
    const xml = buildPain008({
      messageId,
      createdAt,
      collectionDate: input.collectionDate,
      creditor: { name: (await entityName(tx, input.entityId)) ?? '', creditorIdentifier: creditor.creditorIdentifier, iban: creditor.iban, bic: creditor.bic },
      transactions: toCollect.map((invoice) => ({
        endToEndId: invoice.number,
        amountCents: invoice.balanceCents,
        sequenceType: invoice.sequenceType,
        mandateReference: invoice.mandateReference,
        mandateSignatureDate: invoice.mandateSignatureDate,
        debtorName: invoice.debtorName,
        debtorIban: deps.cipher.decrypt(invoice.ibanEncrypted),
        debtorBic: invoice.bic,
        remittanceInformation: `Facture ${invoice.number}`,
      })),
    });
    await insertBatch(
      tx,
      { id, entityId: input.entityId, messageId, collectionDate: input.collectionDate, numberOfTransactions: toCollect.length, controlSumCents, xml, createdBy: actor.principal.userId, createdAt },
      toCollect.map((invoice) => ({ id: newId(), entityId: input.entityId, batchId: id, invoiceId: invoice.invoiceId, mandateId: invoice.mandateId, amountCents: invoice.balanceCents, sequenceType: invoice.sequenceType })),
    );
    const firstCollections = [...new Set(toCollect.filter((invoice) => invoice.sequenceType === 'FRST').map((invoice) => invoice.mandateId))];
    await setSequenceType(tx, firstCollections, 'RCUR');
    await recordAudit(tx, {
      action: 'membership.sepa_batch.created',
      resourceType: 'sepa_batch',
      resourceId: id,
      entityId: input.entityId,
      after: { messageId, collectionDate: input.collectionDate, numberOfTransactions: toCollect.length, controlSumCents },
      actor: actor.audit,
    });
    return (await findBatch(tx, id))!.batch;
  });
}

export async function getBatch(deps: SepaDeps, scope: DbScope, id: string): Promise<{ batch: Batch; xml: string }> {
  return withTransaction(
    deps.database,
    scope,
    async (tx) => {
      const found = await findBatch(tx, id);
      if (!found) throw new NotFoundError('SEPA batch');
      return found;
    },
    { readOnly: true },
  );
}

export async function searchBatches(deps: SepaDeps, scope: DbScope, filter: BatchListQuery): Promise<BatchSummary[]> {
  return withTransaction(deps.database, scope, (tx) => listBatches(tx, filter), { readOnly: true });
}
