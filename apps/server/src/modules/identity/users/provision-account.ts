import type pg from 'pg';
import { newId } from '../../../platform/db/index.js';

export interface AccountToProvision {
  email: string;
  displayName: string;
  passwordHash: string;
  roleCode: string;
  /** Entity code, or null for the national root. */
  entityCode: string | null;
  mustChangePassword?: boolean;
}

/**
 * Creates an account homed at an entity with one role there, as the owner (seeds and the
 * first-administrator command run before anyone can sign in). Idempotent: an existing account
 * keeps its password; the grant is added if missing. Returns the new account, or null when it existed.
 */
export async function provisionAccount(client: pg.PoolClient, account: AccountToProvision): Promise<{ userId: string; entityId: string } | null> {
  const entity = await client.query<{ id: string }>(
    account.entityCode === null ? `SELECT id FROM entities WHERE kind = 'national' AND parent_id IS NULL LIMIT 1` : `SELECT id FROM entities WHERE code = $1`,
    account.entityCode === null ? [] : [account.entityCode],
  );
  const entityId = entity.rows[0]?.id;
  if (!entityId) throw new Error(`Account ${account.email}: no entity ${account.entityCode ?? '(national root)'}; seed the network first.`);
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO users (id, email, display_name, password_hash, home_entity_id, must_change_password) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [newId(), account.email.trim().toLowerCase(), account.displayName, account.passwordHash, entityId, account.mustChangePassword ?? false],
  );
  await client.query(
    `INSERT INTO grants (id, user_id, role_id, entity_id)
     SELECT $1, u.id, r.id, $2 FROM users u, roles r WHERE u.email = $3 AND r.code = $4
     ON CONFLICT (user_id, role_id, entity_id) DO NOTHING`,
    [newId(), entityId, account.email.trim().toLowerCase(), account.roleCode],
  );
  const userId = inserted.rows[0]?.id;
  return userId ? { userId, entityId } : null;
}
