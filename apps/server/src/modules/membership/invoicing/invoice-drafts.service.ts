import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, PreconditionFailedError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { findOrganizationById } from '../../crm/index.js';
import { INVOICE_PERMISSIONS } from './permissions.js';
import { InvoiceNotDraftError } from './invoice-errors.js';
import { invoiceWriteScope, type InvoicingActor, type InvoicingDeps } from './invoice-actor.js';
import { priceLine, totalsOf } from './invoice-amounts.js';
import { findInvoice, insertDraft, updateDraft, writeDraftLines, type DraftFields } from './invoices.repository.js';
import { CREDIT_NOTE_SERIES, DEFAULT_VAT_MENTION, type CreateInvoice, type Invoice, type InvoicePatch } from './invoices.schema.js';

type LinesInput = CreateInvoice['lines'];

/** The checks a draft must pass whenever it is written (a draft may stay incomplete: no due date yet). */
function draftErrors(fields: DraftFields, lines: LinesInput): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.series === CREDIT_NOTE_SERIES) {
    errors.push({ pointer: '/series', message: `La série ${CREDIT_NOTE_SERIES} est réservée aux avoirs : choisissez une autre série.` });
  }
  if (fields.vatRegime === 'outside_scope') {
    lines.forEach((line, index) => {
      if ((line.vatRateBasisPoints ?? 0) !== 0) {
        errors.push({ pointer: `/lines/${index}/vatRateBasisPoints`, message: 'Une facture hors champ de TVA ne peut pas porter de taux de TVA sur ses lignes.' });
      }
    });
  }
  return errors;
}

async function requireCustomer(tx: Tx, organizationId: string): Promise<void> {
  if (!(await findOrganizationById(tx, organizationId))) {
    throw new ValidationError([{ pointer: '/organizationId', message: 'Cette entreprise est introuvable.' }], 'La facture ne peut pas être enregistrée.');
  }
}

export async function writeLines(tx: Tx, invoiceId: string, entityId: string, lines: LinesInput): Promise<void> {
  const priced = lines.map((line) => priceLine({ ...line, vatRateBasisPoints: line.vatRateBasisPoints ?? 0 }));
  await writeDraftLines(tx, invoiceId, entityId, priced, totalsOf(priced), newId);
}

export async function createDraft(deps: InvoicingDeps, actor: InvoicingActor, input: CreateInvoice): Promise<Invoice> {
  if (!actor.principal.holdsOn(INVOICE_PERMISSIONS.write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas facturer au nom de cette structure.' }], 'La facture ne peut pas être enregistrée.');
  }
  const vatRegime = input.vatRegime ?? 'outside_scope';
  const fields: DraftFields = {
    organizationId: input.organizationId,
    series: input.series ?? 'COT',
    dueDate: input.dueDate ?? null,
    vatRegime,
    vatMention: input.vatMention !== undefined ? input.vatMention : vatRegime === 'outside_scope' ? DEFAULT_VAT_MENTION : null,
  };
  const errors = draftErrors(fields, input.lines);
  if (errors.length > 0) throw new ValidationError(errors, 'La facture ne peut pas être enregistrée.');
  return withTransaction(deps.database, invoiceWriteScope(actor), async (tx) => {
    await requireCustomer(tx, fields.organizationId);
    const id = newId();
    await insertDraft(tx, id, input.entityId, 'invoice', fields);
    await writeLines(tx, id, input.entityId, input.lines);
    const created = (await findInvoice(tx, id))!;
    await recordAudit(tx, { action: 'membership.invoice.created', resourceType: 'invoice', resourceId: id, entityId: input.entityId, after: { ...fields, totalInclTaxCents: created.totalInclTaxCents }, actor: actor.audit });
    return created;
  });
}

export async function patchDraft(deps: InvoicingDeps, actor: InvoicingActor, id: string, expected: number | '*', patch: InvoicePatch): Promise<Invoice> {
  return withTransaction(deps.database, invoiceWriteScope(actor), async (tx) => {
    const current = await findInvoice(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Invoice');
    if (current.status !== 'draft') throw new InvoiceNotDraftError(current.number!);
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const before: DraftFields = { organizationId: current.organizationId, series: current.series, dueDate: current.dueDate, vatRegime: current.vatRegime, vatMention: current.vatMention };
    const fields: DraftFields = {
      organizationId: patch.organizationId ?? before.organizationId,
      series: patch.series ?? before.series,
      dueDate: patch.dueDate !== undefined ? patch.dueDate : before.dueDate,
      vatRegime: patch.vatRegime ?? before.vatRegime,
      vatMention: patch.vatMention !== undefined ? patch.vatMention : before.vatMention,
    };
    const lines = patch.lines ?? current.lines;
    const errors = draftErrors(fields, lines);
    if (errors.length > 0) throw new ValidationError(errors, 'La facture ne peut pas être enregistrée.');
    if (fields.organizationId !== before.organizationId) await requireCustomer(tx, fields.organizationId);
    if (!(await updateDraft(tx, id, current.version, fields))) throw new PreconditionFailedError();
    if (patch.lines) await writeLines(tx, id, current.entityId, patch.lines);
    const updated = (await findInvoice(tx, id))!;
    await recordAudit(tx, {
      action: 'membership.invoice.updated',
      resourceType: 'invoice',
      resourceId: id,
      entityId: current.entityId,
      before: { ...before, totalInclTaxCents: current.totalInclTaxCents },
      after: { ...fields, totalInclTaxCents: updated.totalInclTaxCents },
      actor: actor.audit,
    });
    return updated;
  });
}
