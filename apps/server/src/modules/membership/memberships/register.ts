import type { FastifyInstance } from 'fastify';
import { registerPermissions } from '../../../platform/auth/index.js';
import type { MessageBus } from '../../../platform/bus/index.js';
import type { Database } from '../../../platform/db/index.js';
import { createFollowUpTask } from '../../tasks/index.js';
import { registerCampaignJobs } from '../campaigns/campaigns.jobs.js';
import { campaignRoutes } from '../campaigns/campaigns.routes.js';
import { registerRenewalReminderTemplate } from '../campaigns/reminder-mail.js';
import { duesRoutes } from '../dues/dues.routes.js';
import { registerMembershipStatusJobs } from './membership-status.jobs.js';
import { membershipRoutes } from './memberships.routes.js';
import { MEMBERSHIP_PERMISSION_DEFINITIONS } from './permissions.js';

/** Memberships, member types, dues schedules and renewal campaigns: permissions, jobs and routes. */
export function registerMembershipsAndDues(app: FastifyInstance, context: { database: Database; bus: MessageBus }): void {
  const deps = { database: context.database, bus: context.bus };
  registerPermissions(MEMBERSHIP_PERMISSION_DEFINITIONS);
  registerRenewalReminderTemplate();
  registerMembershipStatusJobs(context.bus, context.database);
  registerCampaignJobs(context.bus, context.database, { createFollowUpTask }, app.log);
  void app.register(membershipRoutes, deps);
  void app.register(duesRoutes, deps);
  void app.register(campaignRoutes, deps);
}
