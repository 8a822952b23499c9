import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/index.js';
import { withOwnerClient, withTransaction, type Database } from '../../../platform/db/index.js';
import { syncSystemRoles } from '../roles/system-roles.js';
import { assertPasswordPolicy, hashPassword, temporaryPassword } from './passwords.js';
import { provisionAccount } from './provision-account.js';

/**
 * The way into a production instance (where no demo account exists): a national administrator
 * with a one-time temporary password they must change at first sign-in.
 */
export async function createNationalAdministrator(
  database: Database,
  input: { email: string; displayName: string },
): Promise<{ created: boolean; temporaryPassword: string | null }> {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw new Error(`"${input.email}" is not an email address.`);
  await syncSystemRoles(database);
  const password = temporaryPassword();
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  const created = await withOwnerClient(database, (client) =>
    provisionAccount(client, { ...input, passwordHash, roleCode: 'national_admin', entityCode: null, mustChangePassword: true }),
  );
  if (!created) return { created: false, temporaryPassword: null };
  await withTransaction(database, { kind: 'system' }, (tx) =>
    recordAudit(tx, {
      action: 'identity.user.created',
      resourceType: 'user',
      resourceId: created.userId,
      entityId: created.entityId,
      after: { email: input.email.trim().toLowerCase(), role: 'national_admin', source: 'admin:create' },
      actor: SYSTEM_ACTOR,
    }),
  );
  return { created: true, temporaryPassword: password };
}
