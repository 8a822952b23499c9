import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerSensitiveFields } from '../../../platform/audit/index.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { registerEncryptedColumn } from '../../../platform/crypto/index.js';
import { affiliationRoutes } from './affiliations.routes.js';
import { registerConsentWithdrawalOnUnsubscribe } from './consent-withdrawal.js';
import { gdprRoutes } from './gdpr.routes.js';
import { registerPersonJobs } from './persons.jobs.js';
import { personRoutes } from './persons.routes.js';
import { PERSON_PERMISSION_DEFINITIONS } from './permissions.js';

// `npm run keys:rotate` re-encrypts these under a new key.
registerEncryptedColumn({ table: 'persons', idColumn: 'id', column: 'personal_phone_encrypted' });
registerEncryptedColumn({ table: 'persons', idColumn: 'id', column: 'sensitive_note_encrypted' });
// Person snapshots put every identifying field under this key: the audit trail records that it changed, never its content.
registerSensitiveFields(['personalData']);

/** Contact persons: permissions, routes (`/api/v1/persons…`, `/api/v1/organizations/{id}/contacts`) and the retention job. */
export function registerPersons(app: FastifyInstance, context: Pick<AppContext, 'database' | 'cipher' | 'bus' | 'config'>): void {
  registerPermissions(PERSON_PERMISSION_DEFINITIONS);
  registerConsentWithdrawalOnUnsubscribe();
  const deps = { database: context.database, cipher: context.cipher };
  void app.register(personRoutes, deps);
  void app.register(affiliationRoutes, deps);
  void app.register(gdprRoutes, deps);
  registerPersonJobs(context.bus, context.database, context.config.personRetentionNoticeDays);
}
