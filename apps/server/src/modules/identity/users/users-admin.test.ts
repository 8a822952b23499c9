import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createSmallNetwork, type NetworkFixture } from '../../../test/factories/entities.js';
import { createUser, signIn, TEST_PASSWORD, type CreatedUser, type SignedIn } from '../../../test/auth.js';
import { seedDemoAccounts } from '../index.js';

describe('users, grants and roles administration', () => {
  let t: TestApp;
  let network: NetworkFixture;
  let national: SignedIn;
  let regional: SignedIn; // branch admin of Auvergne-Rhône-Alpes (R84), which holds the Rhône (69)
  let nationalAdmin: CreatedUser;
  let rhone: CreatedUser;
  let paris: CreatedUser;

  const as = (session: SignedIn, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...session.headers(method),
        ...(payload !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp();
    network = await createSmallNetwork(t.testDatabase.database);
    nationalAdmin = await createUser(t, { email: 'national@example.test', roleCode: 'national_admin', entityId: network.ids['FR']! });
    await createUser(t, { email: 'admin.r84@example.test', roleCode: 'branch_admin', entityId: network.ids['R84']! });
    rhone = await createUser(t, { email: 'agent.69@example.test', roleCode: 'viewer', entityId: network.ids['69']! });
    paris = await createUser(t, { email: 'agent.75@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    national = await signIn(t.app, 'national@example.test');
    regional = await signIn(t.app, 'admin.r84@example.test');
  });
  afterAll(() => t.close());

  it('shows a branch admin only the users homed in their subtree, and 404 for the others', async () => {
    const list = await as(regional, 'GET', '/api/v1/users');
    expect(list.statusCode).toBe(200);
    const emails = list.json().items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['admin.r84@example.test', 'agent.69@example.test']));
    expect(emails).not.toContain('agent.75@example.test');
    expect(emails).not.toContain('national@example.test');

    expect((await as(regional, 'GET', `/api/v1/users/${rhone.id}`)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/users/${paris.id}`, undefined],
      ['PATCH', `/api/v1/users/${paris.id}`, { displayName: 'Piraté' }],
      ['GET', `/api/v1/users/${paris.id}/grants`, undefined],
      ['POST', `/api/v1/users/${paris.id}/grants`, { roleCode: 'viewer', entityId: network.ids['69'] }],
      ['POST', `/api/v1/users/${paris.id}/mfa-reset`, undefined],
    ] as const) {
      const response = await as(regional, method, url, payload, { 'if-match': '"1"' });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code).toBe('not_found');
    }
    // The national admin sees everyone.
    expect((await as(national, 'GET', `/api/v1/users/${paris.id}`)).statusCode).toBe(200);
  });

  it('pages users with an opaque cursor and filters them', async () => {
    const first = (await as(national, 'GET', '/api/v1/users?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await as(national, 'GET', `/api/v1/users?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id > first.items[1].id).toBe(true);
    const search = (await as(national, 'GET', '/api/v1/users?search=agent.7')).json();
    expect(search.items.map((u: { email: string }) => u.email)).toEqual(['agent.75@example.test']);
  });

  it('filters users by the branch chosen in the switcher: that entity and everything below it', async () => {
    const emails = async (session: SignedIn, url: string) =>
      ((await as(session, 'GET', url)).json().items as { email: string }[]).map((u) => u.email).sort();
    const rhoneOnly = await emails(national, `/api/v1/users?entityId=${network.ids['69']}`);
    expect(rhoneOnly).toContain('agent.69@example.test');
    expect(rhoneOnly).not.toEqual(expect.arrayContaining(['admin.r84@example.test']));
    // A région covers its départements, and nothing else.
    for (const session of [national, regional]) {
      const region = await emails(session, `/api/v1/users?entityId=${network.ids['R84']}`);
      expect(region).toEqual(expect.arrayContaining(['admin.r84@example.test', 'agent.69@example.test']));
      expect(region.filter((email) => ['agent.75@example.test', 'national@example.test'].includes(email))).toEqual([]);
    }
    // Another branch's entity reveals nobody to the regional admin, and is not an error either.
    const outside = await as(regional, 'GET', `/api/v1/users?entityId=${network.ids['75']}`);
    expect(outside.statusCode).toBe(200);
    expect(outside.json().items).toEqual([]);
    expect((await as(national, 'GET', '/api/v1/users?entityId=not-a-uuid')).statusCode).toBe(400);
    expect((await as(national, 'GET', '/api/v1/users?unknown=1')).statusCode).toBe(400);
  });

  it('creates a user with a temporary password shown once, in the subtree only', async () => {
    const outside = await as(regional, 'POST', '/api/v1/users', { email: 'x@example.test', displayName: 'X', homeEntityId: network.ids['75'] });
    expect(outside.statusCode).toBe(404);
    const created = await as(regional, 'POST', '/api/v1/users', { email: 'Nouvelle.Recrue@example.test', displayName: 'Nouvelle recrue', homeEntityId: network.ids['69'] });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.user).toMatchObject({ email: 'nouvelle.recrue@example.test', mustChangePassword: true, status: 'active' });
    expect(body.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const recruit = await signIn(t.app, 'nouvelle.recrue@example.test', body.temporaryPassword);
    // Changing the temporary password lifts the flag the back-office uses to force that change first.
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: recruit.headers('POST'),
      payload: { currentPassword: body.temporaryPassword, newPassword: 'my own long passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: recruit.headers() })).json().user.mustChangePassword).toBe(false);

    const duplicate = await as(national, 'POST', '/api/v1/users', { email: 'nouvelle.recrue@example.test', displayName: 'Bis', homeEntityId: network.ids['75'] });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('email_taken');
    const weak = await as(national, 'POST', '/api/v1/users', { email: 'weak@example.test', displayName: 'W', homeEntityId: network.ids['75'], password: 'short' });
    expect(weak.statusCode).toBe(422);
  });

  it('updates a user with optimistic concurrency', async () => {
    const user = await createUser(t, { email: 'rename@example.test', entityId: network.ids['69']! });
    const url = `/api/v1/users/${user.id}`;
    expect((await as(regional, 'PATCH', url, { displayName: 'Sans version' })).statusCode).toBe(428);
    expect((await as(regional, 'PATCH', url, { displayName: 'Version périmée' }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const etag = (await as(regional, 'GET', url)).headers.etag as string;
    const renamed = await as(regional, 'PATCH', url, { displayName: 'Nom correct' }, { 'if-match': etag });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: 'Nom correct', version: 2 });
    expect(renamed.headers.etag).toBe('"2"');
    expect((await as(regional, 'PATCH', url, { displayName: 'Quelle que soit la version' }, { 'if-match': '*' })).json().version).toBe(3);
    const plainJson = await t.app.inject({ method: 'PATCH', url, headers: { ...regional.headers('PATCH'), 'if-match': '*' }, payload: { displayName: 'JSON' } });
    expect(plainJson.statusCode).toBe(415);
    // Moving the user out of the subtree is refused like any out-of-scope entity.
    expect((await as(regional, 'PATCH', url, { homeEntityId: network.ids['75'] }, { 'if-match': '"3"' })).statusCode).toBe(404);
  });

  it('refuses to deactivate oneself', async () => {
    const etag = (await as(national, 'GET', `/api/v1/users/${nationalAdmin.id}`)).headers.etag as string;
    const response = await as(national, 'PATCH', `/api/v1/users/${nationalAdmin.id}`, { status: 'deactivated' }, { 'if-match': etag });
    expect(response.statusCode).toBe(409);
  });

  it('grants roles within the subtree without privilege escalation, effective at once', async () => {
    const user = await createUser(t, { email: 'promoted@example.test', entityId: network.ids['69']! });
    const session = await signIn(t.app, user.email);
    expect((await as(session, 'GET', '/api/v1/auth/me')).json().permissions).toEqual([]);

    const grant = await as(regional, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'manager', entityId: network.ids['69'] });
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({ role: { code: 'manager' }, entity: { code: '69' } });
    expect((await as(session, 'GET', '/api/v1/auth/me')).json().permissions).toContain('entities.read');
    expect((await as(regional, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'manager', entityId: network.ids['69'] })).statusCode).toBe(409);

    const escalation = await as(regional, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'national_admin', entityId: network.ids['69'] });
    expect(escalation.statusCode).toBe(403);
    expect(escalation.json().code).toBe('privilege_escalation');
    const above = await as(regional, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'viewer', entityId: network.ids['FR'] });
    expect(above.statusCode).toBe(404);
    const sibling = await as(regional, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'viewer', entityId: network.ids['75'] });
    expect(sibling.statusCode).toBe(404);
    expect((await as(regional, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'branch_admin', entityId: network.ids['69'] })).statusCode).toBe(201);

    // A grant given by the national admin on another branch stays invisible and untouchable.
    const elsewhere = await as(national, 'POST', `/api/v1/users/${user.id}/grants`, { roleCode: 'viewer', entityId: network.ids['75'] });
    expect(elsewhere.statusCode).toBe(201);
    const seen = (await as(regional, 'GET', `/api/v1/users/${user.id}/grants`)).json().items.map((g: { entity: { code: string } }) => g.entity.code);
    expect(seen).toEqual(['69', '69']);
    expect((await as(regional, 'DELETE', `/api/v1/users/${user.id}/grants/${elsewhere.json().id}`)).statusCode).toBe(404);

    const removed = await as(regional, 'DELETE', `/api/v1/users/${user.id}/grants/${grant.json().id}`);
    expect(removed.statusCode).toBe(204);
  });

  it('keeps system roles immutable and custom roles under identity.roles.manage', async () => {
    const roles = (await as(regional, 'GET', '/api/v1/roles')).json().items;
    expect(roles.filter((r: { system: boolean }) => r.system).map((r: { code: string }) => r.code).sort()).toEqual(['branch_admin', 'cms_editor', 'cms_publisher', 'manager', 'national_admin', 'viewer']);
    const branchAdmin = roles.find((r: { code: string }) => r.code === 'branch_admin');
    expect(branchAdmin.permissions).toContain('identity.grants.manage');
    expect(branchAdmin.permissions).not.toContain('entities.manage');
    expect(branchAdmin.permissions.some((p: string) => p.startsWith('platform.'))).toBe(false);
    const system = await as(national, 'PATCH', `/api/v1/roles/${branchAdmin.id}`, { name: 'Autre' }, { 'if-match': `"${branchAdmin.version}"` });
    expect(system.statusCode).toBe(409);
    expect(system.json().code).toBe('role_immutable');

    const body = { code: 'jobs_operator', name: 'Opérateur des tâches', permissions: ['platform.jobs.manage', 'entities.read'] };
    expect((await as(regional, 'POST', '/api/v1/roles', body)).statusCode).toBe(403);
    const unknown = await as(national, 'POST', '/api/v1/roles', { ...body, permissions: ['nope.nope'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([{ pointer: '/permissions/0', message: 'Permission inconnue : « nope.nope ».' }]);
    const created = await as(national, 'POST', '/api/v1/roles', body);
    expect(created.statusCode).toBe(201);
    // A branch admin cannot hand out a platform permission through a custom role.
    const escalation = await as(regional, 'POST', `/api/v1/users/${rhone.id}/grants`, { roleCode: 'jobs_operator', entityId: network.ids['69'] });
    expect(escalation.json().code).toBe('privilege_escalation');
    const renamed = await as(national, 'PATCH', `/api/v1/roles/${created.json().id}`, { name: 'Opérateur' }, { 'if-match': created.headers.etag as string });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Opérateur', version: 2 });

    const permissions = (await as(regional, 'GET', '/api/v1/permissions')).json().items.map((p: { name: string }) => p.name);
    expect(permissions).toEqual(expect.arrayContaining(['identity.users.read', 'entities.manage', 'audit.read', 'platform.flags.manage']));
  });
});

describe('demo accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createSmallNetwork(t.testDatabase.database);
  });
  afterAll(() => t.close());

  it('are created once, sign in, and the Rhône manager acts on the Rhône only', async () => {
    const password = 'demo password for tests';
    const first = await seedDemoAccounts({ database: t.testDatabase.database }, { password });
    expect(first.created).toEqual(['admin@maillage.test', 'manager.69@maillage.test', 'manager.75@maillage.test']);
    expect((await seedDemoAccounts({ database: t.testDatabase.database }, { password })).created).toEqual([]);
    const session = await signIn(t.app, 'manager.69@maillage.test', password);
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: session.headers() })).json();
    expect(me.entities.map((e: { code: string }) => e.code)).toEqual(['69']);
    await signIn(t.app, 'admin@maillage.test', password);
    await expect(signIn(t.app, 'admin@maillage.test', TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('are refused in production', async () => {
    await expect(seedDemoAccounts({ database: t.testDatabase.database, config: { nodeEnv: 'production' } }, { password: 'x' })).rejects.toThrow(/production/);
  });
});
