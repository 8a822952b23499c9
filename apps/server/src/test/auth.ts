import type { App } from '../app.js';
import { newId, withOwnerClient, type Database } from '../platform/db/index.js';
import { syncSystemRoles } from '../modules/identity/index.js';
import { hashPassword } from '../modules/identity/users/passwords.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface CreateUserOptions {
  email: string;
  /** Defaults to TEST_PASSWORD. */
  password?: string;
  /** A role code (national_admin, branch_admin, manager, viewer or a custom one); omit for no grant. */
  roleCode?: string;
  /** Where the role is granted (and, unless homeEntityId says otherwise, where the user is homed). */
  entityId: string;
  homeEntityId?: string;
  displayName?: string;
  status?: 'active' | 'deactivated';
}

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
}

/** Inserts a user (and one grant) directly, as the owner: fast setup for tests of any module. */
export async function createUser(target: TestApp | Database, options: CreateUserOptions): Promise<CreatedUser> {
  const database = 'testDatabase' in target ? target.testDatabase.database : target;
  const password = options.password ?? TEST_PASSWORD;
  const id = newId();
  const email = options.email.toLowerCase();
  const passwordHash = await hashPassword(password);
  let roleId: string | undefined;
  if (options.roleCode) {
    roleId = await findRoleId(database, options.roleCode);
    if (!roleId) {
      await syncSystemRoles(database);
      roleId = await findRoleId(database, options.roleCode);
    }
    if (!roleId) throw new Error(`No role with code "${options.roleCode}"`);
  }
  await withOwnerClient(database, async (client) => {
    await client.query(
      `INSERT INTO users (id, email, display_name, password_hash, home_entity_id, status) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, email, options.displayName ?? email.split('@')[0], passwordHash, options.homeEntityId ?? options.entityId, options.status ?? 'active'],
    );
    if (roleId) {
      await client.query(`INSERT INTO grants (id, user_id, role_id, entity_id) VALUES ($1, $2, $3, $4)`, [newId(), id, roleId, options.entityId]);
    }
  });
  return { id, email, password };
}

async function findRoleId(database: Database, code: string): Promise<string | undefined> {
  return withOwnerClient(database, async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM roles WHERE code = $1', [code]);
    return rows[0]?.id;
  });
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** Headers for app.inject: the cookie, plus X-CSRF-Token for unsafe methods. */
  headers(method?: string): Record<string, string>;
}

/** Signs in through the real endpoint; fails the test with the problem body when it is refused. */
export async function signIn(app: App, email: string, password: string = TEST_PASSWORD, totp?: string): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });
  if (response.statusCode !== 200) throw new Error(`Sign-in of ${email} refused: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === 'maillage_session');
  if (!session) throw new Error('Sign-in returned no session cookie');
  const body = response.json<{ csrfToken: string; user: { id: string } }>();
  const cookie = `maillage_session=${session.value}`;
  return {
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    headers: (method = 'GET'): Record<string, string> =>
      ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? { cookie } : { cookie, 'x-csrf-token': body.csrfToken },
  };
}
