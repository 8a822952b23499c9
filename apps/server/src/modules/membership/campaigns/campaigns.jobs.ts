import { Type } from 'typebox';
import type { FastifyBaseLogger } from 'fastify';
import { defineMessage, type MessageBus } from '../../../platform/bus/index.js';
import type { Database } from '../../../platform/db/index.js';
import { runCampaign } from './campaign-run.service.js';
import { runRenewalReminders, type ReminderDeps } from './renewal-reminders.service.js';

/** Sent by POST /api/v1/membership/campaigns inside the transaction that records the campaign. */
export const RENEWAL_CAMPAIGN_REQUESTED = defineMessage({
  name: 'membership.renewal-campaign-requested',
  schema: Type.Object({ campaignId: Type.String({ format: 'uuid' }) }),
  // A retry resumes: members already handled have their outcome row and are not invoiced again.
  retryLimit: 3,
  expireInSeconds: 2 * 60 * 60,
});

/** Daily: reminder e-mails and follow-up tasks for unpaid renewal invoices (+30, +60 days…). */
export const RENEWAL_REMINDERS_DAILY = defineMessage({
  name: 'membership.renewal-reminders',
  schema: Type.Object({ today: Type.Optional(Type.String({ format: 'date' })) }),
  retryLimit: 3,
  expireInSeconds: 60 * 60,
});

export function registerCampaignJobs(bus: MessageBus, database: Database, reminders: ReminderDeps, logger: FastifyBaseLogger | null): void {
  bus.handle(RENEWAL_CAMPAIGN_REQUESTED, ({ campaignId }) => runCampaign(database, campaignId, (error) => logger?.error({ err: error, campaignId }, 'renewal invoice failed')));
  bus.handle(RENEWAL_REMINDERS_DAILY, async ({ today }) => {
    await runRenewalReminders(database, reminders, today);
  });
  bus.schedule(RENEWAL_REMINDERS_DAILY, '40 1 * * *', {}, { tz: 'Europe/Paris' });
}
