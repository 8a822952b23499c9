import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { Entity, EntityTreeNode } from './entities.schema.js';
import { seedNetwork } from '../network-seed/network-seed.js';

const MERGE_PATCH = 'application/merge-patch+json';

describe('entities API', () => {
  let t: TestApp;
  let admin: SignedIn;
  let rhone: SignedIn;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Seeded before the app is ready, so that the tree snapshot the app loads already holds it.
    t = await createTestApp({}, { registerRoutes: (_app, testDatabase) => seedNetwork(testDatabase.database).then(() => undefined) });
    const database = t.testDatabase.database;
    await withOwnerClient(database, async (client) => {
      const { rows } = await client.query<{ id: string; code: string }>('SELECT id, code FROM entities');
      for (const row of rows) ids[row.code] = row.id;
    });
    await createUser(t, { email: 'admin@entities.test', roleCode: 'national_admin', entityId: ids.FR! });
    await createUser(t, { email: 'manager69@entities.test', roleCode: 'manager', entityId: ids['69']! });
    admin = await signIn(t.app, 'admin@entities.test');
    rhone = await signIn(t.app, 'manager69@entities.test');
  });
  afterAll(() => t.close());

  const get = (who: SignedIn, url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...who.headers('GET'), ...headers } });
  const patch = (who: SignedIn, id: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/entities/${id}`,
      headers: { ...who.headers('PATCH'), 'content-type': MERGE_PATCH, ...headers },
      payload: JSON.stringify(payload),
    });
  const post = (who: SignedIn, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: who.headers('POST'), payload: payload as object });
  const etagOf = async (id: string) => (await get(admin, `/api/v1/entities/${id}`)).headers.etag as string;

  it('requires authentication', async () => {
    expect((await t.app.inject('/api/v1/entities')).statusCode).toBe(401);
  });

  it('shows a branch manager the whole network: it is shared reference data', async () => {
    const response = await get(rhone, '/api/v1/entities?filter[code]=75');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toMatchObject([{ code: '75', name: 'Union territoriale de Paris', kind: 'departement', parentId: ids.R11 }]);
    const departements = await get(rhone, '/api/v1/entities?filter[kind]=departement&limit=500&count=exact');
    expect(departements.json()).toMatchObject({ count: 101, nextCursor: null });
  });

  it('filters by parent and name, and pages with a keyset cursor without gaps or repeats', async () => {
    const children = await get(rhone, `/api/v1/entities?filter[parentId]=${ids.R94}`);
    expect(children.json().items.map((entity: Entity) => entity.code)).toEqual(['2A', '2B']);
    const byName = await get(rhone, '/api/v1/entities?filter[name][contains]=rhône&sort=name');
    expect(byName.json().items.map((entity: Entity) => entity.code)).toEqual(['R84', '13', '69']);

    const seen: string[] = [];
    let url = '/api/v1/entities?sort=-name&limit=40';
    for (let page = 0; page < 10; page += 1) {
      const body = (await get(rhone, url)).json<{ items: Entity[]; nextCursor: string | null }>();
      seen.push(...body.items.map((entity) => entity.code));
      if (!body.nextCursor) break;
      url = `/api/v1/entities?sort=-name&limit=40&cursor=${body.nextCursor}`;
    }
    expect(seen).toHaveLength(125);
    expect(new Set(seen).size).toBe(125);
  });

  it('returns the nested tree with view=tree', async () => {
    const response = await get(rhone, '/api/v1/entities?view=tree');
    expect(response.statusCode).toBe(200);
    const [root, ...others] = response.json<{ items: EntityTreeNode[] }>().items;
    expect(others).toEqual([]);
    expect(root).toMatchObject({ code: 'FR', kind: 'national', parentId: null });
    expect(root!.children.map((child) => child.kind)).toEqual([...Array(18).fill('region'), ...Array(5).fill('federation')]);
    const auvergne = root!.children.find((child) => child.code === 'R84')!;
    expect(auvergne.children.map((child) => child.code)).toEqual(['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']);
    expect(auvergne.children[0]).toEqual({ id: ids['01'], kind: 'departement', code: '01', name: "Union territoriale de l'Ain", parentId: ids.R84, children: [] });
  });

  it('serves one entity with an ETag, and 304 when it did not change', async () => {
    const response = await get(rhone, `/api/v1/entities/${ids['75']}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json()).toMatchObject({ code: '75', legalIdentity: { siren: null }, address: { city: null }, version: 1 });
    expect((await get(rhone, `/api/v1/entities/${ids['75']}`, { 'if-none-match': '"1"' })).statusCode).toBe(304);
    expect((await get(rhone, '/api/v1/entities/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });

  it('updates with JSON Merge Patch under If-Match: 428 without it, 412 when stale, 415 for plain JSON', async () => {
    const id = ids['69']!;
    expect((await patch(rhone, id, { name: 'Union du Rhône' })).statusCode).toBe(428);
    expect((await patch(rhone, id, { name: 'Union du Rhône' }, { 'if-match': '"99"' })).statusCode).toBe(412);
    const plain = await patch(rhone, id, { name: 'Union du Rhône' }, { 'content-type': 'application/json', 'if-match': await etagOf(id) });
    expect(plain.statusCode).toBe(415);

    const first = await patch(rhone, id, { address: { line: '10 quai Perrache', postalCode: '69002', city: 'Lyon' }, legalIdentity: { siren: '812345676' } }, { 'if-match': await etagOf(id) });
    expect(first.statusCode).toBe(200);
    const second = await patch(rhone, id, { address: { city: 'Lyon 2e' }, contact: { email: 'contact@ut69.example' } }, { 'if-match': first.headers.etag as string });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      name: 'Union territoriale du Rhône',
      legalIdentity: { siren: '812345676', legalName: null },
      address: { line: '10 quai Perrache', postalCode: '69002', city: 'Lyon 2e' },
      contact: { email: 'contact@ut69.example', phone: null },
      version: 3,
    });
    expect(second.headers.etag).toBe('"3"');
    const cleared = await patch(rhone, id, { address: null }, { 'if-match': '"3"' });
    expect(cleared.json().address).toEqual({ line: null, postalCode: null, city: null });
    // The stale ETag of the first response no longer matches.
    expect((await patch(rhone, id, { name: 'X y' }, { 'if-match': first.headers.etag as string })).statusCode).toBe(412);
  });

  it('refuses an invalid SIREN with a pointer to the field', async () => {
    const response = await patch(rhone, ids['69']!, { legalIdentity: { siren: '812345670' } }, { 'if-match': await etagOf(ids['69']!) });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ pointer: '/legalIdentity/siren', message: expect.stringContaining('SIREN') }]);
  });

  it('answers 404 to a branch manager changing another branch or a parent entity', async () => {
    expect((await patch(rhone, ids['75']!, { name: 'Intrusion' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await patch(rhone, ids.R84!, { name: 'Intrusion' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/entities/${ids['75']}`)).json().name).toBe('Union territoriale de Paris');
  });

  it('lets only national administrators create and move entities (403 otherwise)', async () => {
    const body = { kind: 'other', code: 'UT69-NORD', name: 'Antenne Nord', parentId: ids['69'] };
    expect((await post(rhone, '/api/v1/entities', body)).statusCode).toBe(403);
    expect((await post(rhone, `/api/v1/entities/${ids['69']}/move`, { parentId: ids.R11 })).statusCode).toBe(403);

    const created = await post(admin, '/api/v1/entities', body);
    expect(created.statusCode).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/entities/${created.json().id}`);
    expect(created.json()).toMatchObject({ kind: 'other', code: 'UT69-NORD', parentId: ids['69'], version: 1 });
    const duplicate = await post(admin, '/api/v1/entities', body);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('entity_code_taken');
    const orphan = await post(admin, '/api/v1/entities', { ...body, code: 'ORPHAN', parentId: '01900000-0000-7000-8000-000000000000' });
    expect(orphan.statusCode).toBe(422);
  });

  it('moves a subtree and refuses a cycle with a readable 409', async () => {
    const moved = await post(admin, `/api/v1/entities/${ids['69']}/move`, { parentId: ids.R11 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(ids.R11);

    const cycle = await post(admin, `/api/v1/entities/${ids.R11}/move`, { parentId: ids['69'] });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({ code: 'entity_move_cycle', detail: expect.stringContaining('cycle') });
    const self = await post(admin, `/api/v1/entities/${ids.R11}/move`, { parentId: ids.R11 });
    expect(self.json().code).toBe('entity_move_cycle');
    const root = await post(admin, `/api/v1/entities/${ids.FR}/move`, { parentId: ids.R11 });
    expect(root.json().code).toBe('entity_root_immovable');

    // The subtree moved with it (the Rhône antenna now lies under Île-de-France), then goes back.
    const [row] = (await t.testDatabase.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entity_tree_paths p JOIN entities d ON d.id = p.descendant_id WHERE p.ancestor_id = $1 AND d.code = 'UT69-NORD'`,
      [ids.R11],
    )).rows;
    expect(row!.n).toBe(1);
    expect((await post(admin, `/api/v1/entities/${ids['69']}/move`, { parentId: ids.R84 })).statusCode).toBe(200);
  });

  it('records every change in the audit trail', async () => {
    const { rows } = await t.testDatabase.database.pool.query<{ action: string; changes: Record<string, unknown> }>(
      `SELECT action, changes FROM audit_events WHERE resource_type = 'entity' AND resource_id = $1 ORDER BY occurred_at, id`,
      [ids['69']],
    );
    expect(rows.map((row) => row.action)).toEqual([
      'entities.entity.updated',
      'entities.entity.updated',
      'entities.entity.updated',
      'entities.entity.moved',
      'entities.entity.moved',
    ]);
    expect(rows[0]!.changes).toMatchObject({ city: { before: null, after: 'Lyon' }, siren: { before: null, after: '812345676' } });
    expect(rows[3]!.changes).toEqual({ parentId: { before: ids.R84, after: ids.R11 } });
  });
});
