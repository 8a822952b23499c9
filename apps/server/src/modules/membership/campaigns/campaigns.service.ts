import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { NotFoundError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { parisMidnight } from '../memberships/calendar-dates.js';
import { scopeOf, type MembershipActor, type MembershipDeps } from '../memberships/membership-actor.js';
import { MEMBERSHIP_PERMISSIONS } from '../memberships/permissions.js';
import { RENEWAL_CAMPAIGN_REQUESTED } from './campaigns.jobs.js';
import { findCampaign, listCampaigns, upsertCampaign } from './campaigns.repository.js';
import { DEFAULT_REMINDER_OFFSETS, type Campaign, type CampaignListQuery, type CreateCampaign } from './campaigns.schema.js';

const REFUSED = 'La campagne de renouvellement ne peut pas être lancée.';

/**
 * Records the campaign of (entity, year) — or finds the one already recorded — and queues its run
 * in the same transaction. Launching it again resumes it: members already handled keep their single
 * invoice, failed ones are retried. The run starts on the issue date (Paris midnight) at the earliest.
 */
export async function launchCampaign(deps: MembershipDeps, actor: MembershipActor, input: CreateCampaign): Promise<Campaign> {
  const errors: FieldError[] = [];
  if (!actor.principal.holdsOn(MEMBERSHIP_PERMISSIONS.campaignsRun, input.entityId)) {
    errors.push({ pointer: '/entityId', message: 'Vous ne pouvez pas lancer de campagne de renouvellement pour cette structure.' });
  }
  if (input.dueDate < input.issueDate) errors.push({ pointer: '/dueDate', message: "La date d'échéance doit suivre la date d'émission." });
  if (errors.length > 0) throw new ValidationError(errors, REFUSED);
  return withTransaction(deps.database, scopeOf(actor, MEMBERSHIP_PERMISSIONS.campaignsRun), async (tx) => {
    const row = await upsertCampaign(tx, {
      id: newId(),
      entityId: input.entityId,
      year: input.year,
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      reminderOffsets: [...(input.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS)].sort((a, b) => a - b),
      createdBy: actor.principal.userId,
    });
    const startAfter = parisMidnight(row.issueDate);
    await deps.bus.send(tx, RENEWAL_CAMPAIGN_REQUESTED, { campaignId: row.id }, startAfter > new Date() ? { startAfter } : {});
    await recordAudit(tx, {
      action: 'membership.renewal_campaign.launched',
      resourceType: 'renewal_campaign',
      resourceId: row.id,
      entityId: row.entityId,
      after: { year: row.year, issueDate: row.issueDate, dueDate: row.dueDate, reminderOffsets: row.reminderOffsets },
      actor: actor.audit,
    });
    return (await findCampaign(tx, row.id))!;
  });
}

export async function getCampaign(database: Database, scope: DbScope, id: string): Promise<Campaign> {
  const campaign = await withTransaction(database, scope, (tx) => findCampaign(tx, id), { readOnly: true });
  if (!campaign) throw new NotFoundError('Renewal campaign');
  return campaign;
}

export async function searchCampaigns(database: Database, scope: DbScope, filter: CampaignListQuery): Promise<Campaign[]> {
  return withTransaction(database, scope, (tx) => listCampaigns(tx, filter), { readOnly: true });
}
