import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../test/auth.js';
import { createSmallNetwork, type NetworkFixture } from '../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { withOwnerClient } from '../db/index.js';

const MERGE_PATCH = 'application/merge-patch+json';

describe('feature flags API', () => {
  let t: TestApp;
  let network: NetworkFixture;
  let admin: SignedIn;
  let manager69: SignedIn;
  let viewer75: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    network = await createSmallNetwork(t.testDatabase.database);
    const users = [
      await createUser(t, { email: 'admin@flags.test', roleCode: 'national_admin', entityId: network.ids.FR! }),
      await createUser(t, { email: 'manager69@flags.test', roleCode: 'manager', entityId: network.ids['69']! }),
      await createUser(t, { email: 'viewer75@flags.test', roleCode: 'viewer', entityId: network.ids['75']! }),
    ];
    [admin, manager69, viewer75] = (await Promise.all(users.map((user) => signIn(t.app, user.email)))) as [SignedIn, SignedIn, SignedIn];
  });
  afterAll(() => t?.close());

  const create = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/feature-flags', headers: admin.headers('POST'), payload: body });
  const patch = (key: string, body: object, ifMatch?: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/feature-flags/${key}`,
      headers: { ...admin.headers('PATCH'), 'content-type': MERGE_PATCH, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      payload: JSON.stringify(body),
    });
  const myFlags = async (user: SignedIn, entityId?: string) => {
    const response = await t.app.inject({ url: `/api/v1/me/feature-flags${entityId ? `?entityId=${entityId}` : ''}`, headers: user.headers() });
    expect(response.statusCode).toBe(200);
    return Object.fromEntries(response.json<{ items: Array<{ key: string; value: unknown; reason: string }> }>().items.map((f) => [f.key, f.value]));
  };

  it('creates a flag and targets it by entity, inherited down the tree', async () => {
    const response = await create({ key: 'crm.new-search', description: 'Nouvelle recherche', kind: 'boolean', defaultVariant: 'off', rules: [{ entityIds: [network.ids.R84], variant: 'on' }] });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.json()).toMatchObject({ key: 'crm.new-search', variants: { on: true, off: false }, enabled: true, version: 1 });
    expect((await myFlags(manager69, network.ids['69']))['crm.new-search']).toBe(true);
    expect((await myFlags(viewer75, network.ids['75']))['crm.new-search']).toBe(false);
    expect((await myFlags(manager69))['crm.new-search']).toBe(false);
  });

  it('targets by the role held at the entity', async () => {
    expect((await create({ key: 'crm.bulk-edit', kind: 'boolean', defaultVariant: 'off', rules: [{ roles: ['manager'], variant: 'on' }] })).statusCode).toBe(201);
    expect((await myFlags(manager69, network.ids['69']))['crm.bulk-edit']).toBe(true);
    // The manager grant is on 69, not on 75: no role there.
    expect((await myFlags(manager69, network.ids['75']))['crm.bulk-edit']).toBe(false);
    expect((await myFlags(viewer75, network.ids['75']))['crm.bulk-edit']).toBe(false);
  });

  it('serves variants and applies an update at once (cache invalidated)', async () => {
    const created = await create({ key: 'cms.layout', kind: 'variant', variants: { classic: 'classic', compact: 'compact' }, defaultVariant: 'classic' });
    expect(created.statusCode).toBe(201);
    expect((await myFlags(viewer75, network.ids['75']))['cms.layout']).toBe('classic');
    const updated = await patch('cms.layout', { defaultVariant: 'compact' }, '"1"');
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect((await myFlags(viewer75, network.ids['75']))['cms.layout']).toBe('compact');
    // Kill switch: everyone gets the default variant.
    expect((await patch('crm.new-search', { enabled: false }, '"1"')).statusCode).toBe(200);
    expect((await myFlags(manager69, network.ids['69']))['crm.new-search']).toBe(false);
  });

  it('requires If-Match and refuses a stale version', async () => {
    expect((await patch('cms.layout', { description: 'x' })).statusCode).toBe(428);
    expect((await patch('cms.layout', { description: 'x' }, '"1"')).statusCode).toBe(412);
  });

  it('refuses invalid definitions with field pointers, and duplicate keys', async () => {
    const invalid = await create({ key: 'crm.broken', kind: 'variant', variants: { a: 1 }, defaultVariant: 'b', rules: [{ variant: 'c', entityIds: ['0190c5a4-0000-7000-8000-000000000000'] }] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json<{ errors: Array<{ pointer: string }> }>().errors.map((e) => e.pointer).sort()).toEqual(['/defaultVariant', '/rules/0/entityIds/0', '/rules/0/variant']);
    expect((await create({ key: 'crm.bulk-edit', kind: 'boolean', defaultVariant: 'off' })).statusCode).toBe(409);
    expect((await patch('crm.bulk-edit', { variants: { on: 'yes' } }, '*')).statusCode).toBe(422);
  });

  it('records flag changes in the audit trail', async () => {
    const rows = await withOwnerClient(t.testDatabase.database, async (client) =>
      (await client.query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_type = 'feature_flag' AND resource_id = 'cms.layout' ORDER BY occurred_at, id`)).rows,
    );
    expect(rows.map((row) => row.action)).toEqual(['platform.feature_flag.created', 'platform.feature_flag.updated']);
  });

  it('lets only flag managers list and change flags', async () => {
    expect((await t.app.inject({ url: '/api/v1/feature-flags', headers: manager69.headers() })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/feature-flags' })).statusCode).toBe(401);
    const list = await t.app.inject({ url: '/api/v1/feature-flags', headers: admin.headers() });
    expect(list.json<{ items: Array<{ key: string }> }>().items.map((f) => f.key)).toEqual(['cms.layout', 'crm.bulk-edit', 'crm.new-search']);
  });
});
