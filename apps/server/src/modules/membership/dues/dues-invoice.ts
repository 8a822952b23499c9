import { SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { newId, type Tx } from '../../../platform/db/index.js';
import type { InvoicingActor } from '../invoicing/invoice-actor.js';
import { writeLines } from '../invoicing/invoice-drafts.service.js';
import { issueLockedDraft } from '../invoicing/invoice-issuance.service.js';
import { findInvoice, insertDraft } from '../invoicing/invoices.repository.js';
import { DEFAULT_VAT_MENTION, type Invoice } from '../invoicing/invoices.schema.js';

export interface DuesInvoiceInput {
  entityId: string;
  organizationId: string;
  label: string;
  amountCents: number;
  dueDate: string;
}

/**
 * The principal a background job issues invoices as: it holds no permission (the job's transaction
 * scope decides what it sees); `userId` is who launched the job, kept as the invoices' `issuedBy`.
 */
export function jobInvoicingActor(userId: string | null, audit: AuditActor = { ...SYSTEM_ACTOR, userId }): InvoicingActor {
  const principal: Principal = {
    userId: userId as string,
    email: 'system',
    via: 'session',
    rootsFor: () => [],
    entityIdsFor: () => new Set<string>(),
    holdsOn: () => false,
    permissions: () => [],
  };
  return { principal, audit };
}

/**
 * Drafts a dues invoice (series COT, outside the scope of VAT) and issues it inside the caller's
 * transaction with the invoicing module's own issuance (numbering of ADR 0013): one code path for
 * every invoice, whoever issues it.
 */
export async function issueDuesInvoice(
  tx: Tx,
  input: DuesInvoiceInput,
  actor: InvoicingActor,
  draftId = newId(),
  /** Runs once the draft exists, before it takes its number (renewals claim their outcome row there). */
  beforeIssue?: () => Promise<void>,
): Promise<Invoice> {
  await insertDraft(tx, draftId, input.entityId, 'invoice', {
    organizationId: input.organizationId,
    series: 'COT',
    dueDate: input.dueDate,
    vatRegime: 'outside_scope',
    vatMention: DEFAULT_VAT_MENTION,
  });
  await writeLines(tx, draftId, input.entityId, [{ label: input.label, quantity: 1, unitAmountCents: input.amountCents }]);
  await beforeIssue?.();
  const draft = (await findInvoice(tx, draftId, { forUpdate: true }))!;
  return issueLockedDraft(tx, draft, actor);
}
