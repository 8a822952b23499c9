import type { LightMyRequestResponse } from 'fastify';
import { newId, withOwnerClient, type Database } from '../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../auth.js';
import { createTestApp, type TestApp } from '../test-app.js';
import { createSmallNetwork } from './entities.js';

const MERGE_PATCH = 'application/merge-patch+json';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who acts in the CRM tests: one user per role and place in the small network. */
export interface CrmStaff {
  national: SignedIn;
  /** branch_admin of the Rhône union (69): holds crm.merge there. */
  rhoneAdmin: SignedIn;
  /** branch_admin of Paris (75). */
  parisAdmin: SignedIn;
  rhone: SignedIn;
  paris: SignedIn;
  /** Manager of Auvergne-Rhône-Alpes (R84), an ancestor of the Rhône. */
  region: SignedIn;
  rhoneViewer: SignedIn;
}

export interface CrmTestNetwork {
  t: TestApp;
  database: Database;
  ids: Record<string, string>;
  staff: CrmStaff;
  call(who: SignedIn, method: Method, url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** A test app on the small network (FR, R84, R11, R94, 69, 75, 2A) with signed-in staff; `env` adds settings. */
export async function createCrmTestNetwork(prefix: string, env: Record<string, string> = {}): Promise<CrmTestNetwork> {
  const t = await createTestApp(env);
  const database = t.testDatabase.database;
  const ids = (await createSmallNetwork(database)).ids as Record<string, string>;
  const users: Array<[keyof CrmStaff, string, string]> = [
    ['national', 'national_admin', ids.FR!],
    ['rhoneAdmin', 'branch_admin', ids['69']!],
    ['parisAdmin', 'branch_admin', ids['75']!],
    ['rhone', 'manager', ids['69']!],
    ['paris', 'manager', ids['75']!],
    ['region', 'manager', ids.R84!],
    ['rhoneViewer', 'viewer', ids['69']!],
  ];
  const staff = {} as CrmStaff;
  for (const [key, roleCode, entityId] of users) {
    const email = `${prefix}.${key}@crm.test`.toLowerCase();
    await createUser(t, { email, roleCode, entityId });
    staff[key] = await signIn(t.app, email);
  }
  const call: CrmTestNetwork['call'] = (who, method, url, payload, headers = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...who.headers(method),
        ...(payload !== undefined ? { 'content-type': method === 'PATCH' ? MERGE_PATCH : 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  return { t, database, ids, staff, call };
}

export interface PersonSeed {
  entityId: string;
  lastName: string;
  firstName?: string;
  emails?: string[];
  /** Companies the person is affiliated with (role `autre`). */
  organizationIds?: string[];
}

/** Inserts a contact person with its addresses and affiliations, as the owner (fast setup). */
export async function insertPerson(database: Database, seed: PersonSeed): Promise<string> {
  const id = newId();
  await withOwnerClient(database, async (client) => {
    await client.query('INSERT INTO persons (id, entity_id, first_name, last_name) VALUES ($1, $2, $3, $4)', [id, seed.entityId, seed.firstName ?? null, seed.lastName]);
    for (const [index, email] of (seed.emails ?? []).entries()) {
      await client.query('INSERT INTO person_emails (id, entity_id, person_id, email, is_primary) VALUES ($1, $2, $3, $4, $5)', [
        newId(),
        seed.entityId,
        id,
        email,
        index === 0,
      ]);
    }
    for (const organizationId of seed.organizationIds ?? []) {
      await client.query(`INSERT INTO affiliations (id, entity_id, person_id, organization_id, role) VALUES ($1, $2, $3, $4, 'autre')`, [
        newId(),
        seed.entityId,
        id,
        organizationId,
      ]);
    }
  });
  return id;
}
