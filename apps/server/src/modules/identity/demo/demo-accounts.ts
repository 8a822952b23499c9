import type { AppConfig } from '../../../platform/config/index.js';
import { newId, withOwnerClient, type Database } from '../../../platform/db/index.js';
import { syncSystemRoles } from '../roles/system-roles.js';
import { hashPassword } from '../users/passwords.js';

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
      const entity = await client.query<{ id: string }>(
        account.entityCode === null ? `SELECT id FROM entities WHERE kind = 'national' AND parent_id IS NULL LIMIT 1` : `SELECT id FROM entities WHERE code = $1`,
        account.entityCode === null ? [] : [account.entityCode],
      );
      const entityId = entity.rows[0]?.id;
      if (!entityId) throw new Error(`Demo account ${account.email}: no entity ${account.entityCode ?? '(national root)'}; seed the network first.`);
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO users (id, email, display_name, password_hash, home_entity_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [newId(), account.email, account.displayName, passwordHash, entityId],
      );
      if (inserted.rows[0]) created.push(account.email);
      await client.query(
        `INSERT INTO grants (id, user_id, role_id, entity_id)
         SELECT $1, u.id, r.id, $2 FROM users u, roles r WHERE u.email = $3 AND r.code = $4
         ON CONFLICT (user_id, role_id, entity_id) DO NOTHING`,
        [newId(), entityId, account.email, account.roleCode],
      );
    }
  });
  return { created };
}
