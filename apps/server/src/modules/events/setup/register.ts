import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { registerOrganizationMergeStep, registerPersonMergeStep } from '../../crm/index.js';
import { eventRoutes } from '../catalogue/events.routes.js';
import { icalRoutes } from '../ical/ical.routes.js';
import { EVENT_PERMISSION_DEFINITIONS } from '../access/permissions.js';
import { registerRegistrationMailTemplates } from '../registrations/registration-mail.js';
import { REGISTRATIONS_MERGE_STEP, REGISTRATIONS_PERSON_MERGE_STEP } from '../registrations/registrations-merge-step.js';
import { registrationRoutes } from '../registrations/registrations.routes.js';

/** Events: permissions, routes (`/api/v1/events…`, the public iCalendar feed) and the CRM merge steps. */
export function registerEvents(app: FastifyInstance, context: Pick<AppContext, 'database' | 'config'>): void {
  registerPermissions(EVENT_PERMISSION_DEFINITIONS);
  registerOrganizationMergeStep(REGISTRATIONS_MERGE_STEP);
  registerPersonMergeStep(REGISTRATIONS_PERSON_MERGE_STEP);
  registerRegistrationMailTemplates();
  const deps = { database: context.database };
  void app.register(eventRoutes, deps);
  void app.register(registrationRoutes, deps);
  void app.register(icalRoutes, { database: context.database, uidDomain: new URL(context.config.publicUrl).hostname });
}
