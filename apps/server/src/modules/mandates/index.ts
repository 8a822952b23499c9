import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import { registerPersonMergeStep } from '../crm/index.js';
import { RAISE_MANDATE_EXPIRY_TASKS, raiseMandateExpiryTasks } from './designations/mandate-expiry.jobs.js';
import { mandateRegistryRoutes } from './designations/mandate-registry.routes.js';
import { MANDATES_PERSON_MERGE_STEP } from './designations/mandates-merge-step.js';
import { mandateRoutes } from './designations/mandates.routes.js';
import { MANDATE_PERMISSION_DEFINITIONS } from './designations/permissions.js';

/**
 * Mandates (issue 5, docs/mandates.md): the bodies where the network holds seats, the seats each
 * entity designates to, the persons holding them, expiry follow-up tasks and reports.
 */
export function registerMandates(app: FastifyInstance, context: Pick<AppContext, 'database' | 'bus'>): void {
  registerPermissions(MANDATE_PERMISSION_DEFINITIONS);
  registerPersonMergeStep(MANDATES_PERSON_MERGE_STEP);
  context.bus.handle(RAISE_MANDATE_EXPIRY_TASKS, async () => {
    await raiseMandateExpiryTasks(context.database);
  });
  context.bus.schedule(RAISE_MANDATE_EXPIRY_TASKS, '20 4 * * *', {});
  void app.register(mandateRegistryRoutes, { database: context.database });
  void app.register(mandateRoutes, { database: context.database });
}

export { MANDATE_PERMISSIONS } from './designations/permissions.js';
export { seedMandatesDemo } from './designations/mandates-demo.js';
export { raiseMandateExpiryTasks, EXPIRY_NOTICE_DAYS } from './designations/mandate-expiry.jobs.js';
export type { Mandate } from './designations/mandates.schema.js';
// Dashboard (modules/dashboard): mandates ending by month.
export { mandateStats, type MandateStats } from './designations/mandate-stats.js';
