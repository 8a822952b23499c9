import { newId, withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/http/errors.js';
import { findOrganizationById } from '../../crm/index.js';
import { computeDues } from '../dues/compute-dues.js';
import { issueDuesInvoice, jobInvoicingActor } from '../dues/dues-invoice.js';
import { findScheduleFor } from '../dues/dues.repository.js';
import { findMembership } from '../memberships/memberships.repository.js';
import { claimOutcome, countDue, deleteFailedItems, findCampaignRow, hasOutcome, markCompleted, markRunStarted, nextDue, type CampaignRow } from './campaigns.repository.js';

const BATCH = 50;
const SYSTEM = { kind: 'system' } as const;

/** A member whose renewal cannot be invoiced: recorded as `failed` with this French reason. */
class RenewalFailure extends Error {}

/** Another runner handled this member meanwhile: nothing to record. */
class AlreadyHandled extends Error {}

export type MemberOutcome = 'issued' | 'skipped' | 'failed' | 'already-handled';

/**
 * Runs (or resumes) a renewal campaign: every member due gets exactly one outcome for the year
 * (ADR 0020). Each member is handled in its own short transaction, so progress is visible while it
 * runs and a crash loses at most one member's work, which the retry redoes. Running it twice, or
 * twice at once, issues no second invoice: the outcome row (unique membership and year) commits
 * with the invoice. Failed members of earlier runs are retried.
 */
export async function runCampaign(database: Database, campaignId: string, logError: (error: unknown) => void = () => {}): Promise<void> {
  const campaign = await withTransaction(database, SYSTEM, async (tx) => {
    const row = await findCampaignRow(tx, campaignId, { forUpdate: true });
    if (!row) return null;
    await deleteFailedItems(tx, campaignId);
    await markRunStarted(tx, campaignId, await countDue(tx, row.entityId, row.year));
    return row;
  });
  if (!campaign) return;
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const ids: string[] = await withTransaction(database, SYSTEM, (tx) => nextDue(tx, campaign.entityId, campaign.year, cursor, BATCH), { readOnly: true });
    for (const membershipId of ids) await renewMember(database, campaign, membershipId, logError);
    if (ids.length < BATCH) break;
    after = ids.at(-1)!;
  }
  await withTransaction(database, SYSTEM, (tx) => markCompleted(tx, campaignId));
}

/** Issues one member's renewal invoice, or records why not; the outcome row and the invoice commit together. */
export async function renewMember(database: Database, campaign: CampaignRow, membershipId: string, logError: (error: unknown) => void = () => {}): Promise<MemberOutcome> {
  const base = { entityId: campaign.entityId, campaignId: campaign.id, membershipId, year: campaign.year };
  try {
    return await withTransaction(database, SYSTEM, async (tx) => {
      // The membership lock queues a concurrent runner behind this one; it then finds the outcome.
      const membership = await findMembership(tx, membershipId, { forUpdate: true });
      if (!membership || (await hasOutcome(tx, membershipId, campaign.year))) return 'already-handled';
      const skip = async (reason: string): Promise<MemberOutcome> => {
        if (!(await claimOutcome(tx, { ...base, id: newId(), outcome: 'skipped', invoiceId: null, reason }))) throw new AlreadyHandled();
        return 'skipped';
      };
      if (membership.status !== 'active' && membership.status !== 'grace') return skip("L'adhésion n'est plus en cours.");
      if (membership.type.free) return skip('Membre à titre gratuit : aucune cotisation.');
      const amountCents = await duesOf(tx, campaign, membership.organizationId, membership.type);
      if (amountCents === 0) return skip('Cotisation nulle selon le barème.');
      const draftId = newId();
      await issueDuesInvoice(
        tx,
        { entityId: campaign.entityId, organizationId: membership.organizationId, label: `Cotisation ${campaign.year} — ${membership.type.label}`, amountCents, dueDate: campaign.dueDate },
        jobInvoicingActor(campaign.createdBy),
        draftId,
        // Claim before the number is taken: a concurrent runner is refused here, before numbering.
        async () => {
          if (!(await claimOutcome(tx, { ...base, id: newId(), outcome: 'issued', invoiceId: draftId, reason: null }))) throw new AlreadyHandled();
        },
      );
      return 'issued';
    });
  } catch (error) {
    if (error instanceof AlreadyHandled) return 'already-handled';
    const expected = error instanceof RenewalFailure || error instanceof AppError;
    if (!expected) logError(error);
    const reason = expected ? error.message : "Erreur inattendue lors de l'émission de la facture.";
    await withTransaction(database, SYSTEM, (tx) => claimOutcome(tx, { ...base, id: newId(), outcome: 'failed', invoiceId: null, reason }));
    return 'failed';
  }
}

async function duesOf(tx: Tx, campaign: CampaignRow, organizationId: string, type: { id: string; free: boolean }): Promise<number> {
  const schedule = await findScheduleFor(tx, campaign.entityId, campaign.year);
  if (!schedule) throw new RenewalFailure(`Aucun barème de cotisation ${campaign.year} n'est défini pour cette structure.`);
  const organization = await findOrganizationById(tx, organizationId);
  const dues = computeDues(schedule, { headcountBand: organization?.headcountBand ?? null }, type);
  if (!dues) throw new RenewalFailure(`Le barème ${campaign.year} ne prévoit aucun tarif pour ce type de membre et cette tranche d'effectif.`);
  return dues.amountCents;
}
