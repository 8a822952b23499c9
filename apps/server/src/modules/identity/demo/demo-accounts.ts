import type { AppConfig } from '../../../platform/config/index.js';
import { withOwnerClient, type Database } from '../../../platform/db/index.js';
import { syncSystemRoles } from '../roles/system-roles.js';
import { hashPassword } from '../users/passwords.js';
import { provisionAccount } from '../users/provision-account.js';

interface DemoAccount {
  email: string;
  displayName: string;
  roleCode: string;
  /** Entity code, or null for the national root. */
  entityCode: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@maillage.test', displayName: 'Administration nationale', roleCode: 'national_admin', entityCode: null },
  { email: 'manager.69@maillage.test', displayName: 'Gestionnaire du Rhône', roleCode: 'manager', entityCode: '69' },
  { email: 'manager.75@maillage.test', displayName: 'Gestionnaire de Paris', roleCode: 'manager', entityCode: '75' },
];

/**
 * Creates the demo accounts on an already seeded network; idempotent (existing accounts and grants
 * are left as they are). Refused in production: these are well-known credentials.
 */
export async function seedDemoAccounts(
  context: { database: Database; config?: Pick<AppConfig, 'nodeEnv'> },
  options: { password: string },
): Promise<{ created: string[] }> {
  if (context.config?.nodeEnv === 'production' || process.env.NODE_ENV === 'production') {
    throw new Error('Refusing to create demo accounts in production: their credentials are public.');
  }
  if (!options.password) throw new Error('A demo password is required (MAILLAGE_DEMO_PASSWORD).');
  await syncSystemRoles(context.database);
  const passwordHash = await hashPassword(options.password);
  const created: string[] = [];
  await withOwnerClient(context.database, async (client) => {
    for (const account of DEMO_ACCOUNTS) {
      if (await provisionAccount(client, { ...account, passwordHash })) created.push(account.email);
    }
  });
  return { created };
}
