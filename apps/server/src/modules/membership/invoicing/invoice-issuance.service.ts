import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { findOrganizationById } from '../../crm/index.js';
import { invoiceWriteScope, type InvoicingActor, type InvoicingDeps } from './invoice-actor.js';
import { InvoiceNotDraftError, IssuerWithoutLegalIdentityError } from './invoice-errors.js';
import { takeInvoiceNumber } from './invoice-numbering.js';
import { findInvoice, markIssued, type PartySnapshot } from './invoices.repository.js';
import type { Invoice } from './invoices.schema.js';

async function issuerSnapshot(tx: Tx, entityId: string): Promise<PartySnapshot> {
  // `entities` is the platform's shared network tree (no RLS): every module may read it.
  const { rows } = await tx.client.query<{ name: string; legal_name: string | null; siren: string | null; address_line: string | null; postal_code: string | null; city: string | null }>(
    'SELECT name, legal_name, siren, address_line, postal_code, city FROM entities WHERE id = $1',
    [entityId],
  );
  const entity = rows[0];
  if (!entity?.siren || !entity.address_line || !entity.postal_code || !entity.city) throw new IssuerWithoutLegalIdentityError();
  return { name: entity.legal_name ?? entity.name, siren: entity.siren, address: { street: entity.address_line, postalCode: entity.postal_code, city: entity.city } };
}

async function customerSnapshot(tx: Tx, organizationId: string): Promise<PartySnapshot> {
  const organization = await findOrganizationById(tx, organizationId);
  if (!organization) throw new ValidationError([{ pointer: '/organizationId', message: 'Cette entreprise est introuvable.' }], 'La facture ne peut pas être émise.');
  const { street, postalCode, communeName } = organization.address;
  return { name: organization.legalName ?? organization.name, siren: organization.siren, address: { street, postalCode, city: communeName } };
}

/**
 * Numbers and freezes a locked draft inside the caller's transaction. Every check that can fail runs
 * before the number is taken, and the counter is touched last so that its row lock is short.
 */
export async function issueLockedDraft(tx: Tx, draft: Invoice, actor: InvoicingActor): Promise<Invoice> {
  if (draft.status !== 'draft') throw new InvoiceNotDraftError(draft.number!);
  const errors: FieldError[] = [];
  if (draft.kind === 'invoice' && !draft.dueDate) errors.push({ pointer: '/dueDate', message: "Indiquez la date d'échéance avant d'émettre la facture." });
  if (draft.totalInclTaxCents <= 0) errors.push({ pointer: '/lines', message: 'Le montant total doit être positif pour émettre la facture.' });
  if (draft.vatRegime === 'outside_scope' && !draft.vatMention) errors.push({ pointer: '/vatMention', message: 'Indiquez la mention légale de TVA (par exemple « TVA non applicable, art. 261 du CGI »).' });
  if (errors.length > 0) throw new ValidationError(errors, 'La facture ne peut pas être émise.');
  const issuer = await issuerSnapshot(tx, draft.entityId);
  const customer = await customerSnapshot(tx, draft.organizationId);
  const number = await takeInvoiceNumber(tx, draft.entityId, draft.series);
  await markIssued(tx, draft.id, number, issuer, customer, actor.principal.userId);
  const issued = (await findInvoice(tx, draft.id))!;
  await recordAudit(tx, {
    action: draft.kind === 'invoice' ? 'membership.invoice.issued' : 'membership.credit_note.issued',
    resourceType: draft.kind,
    resourceId: draft.id,
    entityId: draft.entityId,
    before: { status: 'draft' },
    after: { status: issued.status, number: issued.number, issueDate: issued.issueDate, totalInclTaxCents: issued.totalInclTaxCents },
    actor: actor.audit,
  });
  return issued;
}

export async function issueInvoice(deps: InvoicingDeps, actor: InvoicingActor, id: string): Promise<Invoice> {
  return withTransaction(deps.database, invoiceWriteScope(actor), async (tx) => {
    const draft = await findInvoice(tx, id, { forUpdate: true });
    if (!draft || draft.kind !== 'invoice') throw new NotFoundError('Invoice');
    return issueLockedDraft(tx, draft, actor);
  });
}
