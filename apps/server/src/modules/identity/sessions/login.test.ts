import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { deleteExpiredSessions } from './sessions.repository.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createObservedApp, type ObservedApp } from '../../../test/observed-app.js';
import { createSmallNetwork, type NetworkFixture } from '../../../test/factories/entities.js';
import { createUser, signIn, TEST_PASSWORD } from '../../../test/auth.js';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  let network: NetworkFixture;
  const login = (payload: Record<string, unknown>, remoteAddress = '198.51.100.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress });

  beforeAll(async () => {
    t = await createTestApp();
    network = await createSmallNetwork(t.testDatabase.database);
    await createUser(t, { email: 'admin@example.test', roleCode: 'national_admin', entityId: network.ids['FR']! });
    await createUser(t, { email: 'manager.69@example.test', roleCode: 'manager', entityId: network.ids['69']! });
  });
  afterAll(() => t.close());

  it('signs in with a case-insensitive email, sets a hardened cookie and signs out', async () => {
    const response = await login({ email: ' Manager.69@Example.test', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'maillage_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy(); // PUBLIC_URL is http in tests
    expect(response.json().csrfToken).toEqual(expect.any(String));

    const session = await signIn(t.app, 'manager.69@example.test');
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers('POST') });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'maillage_session')?.value).toBe('');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(401);
  });

  it('shows the Rhône manager only the Rhône in the entity list of /auth/me', async () => {
    const session = await signIn(t.app, 'manager.69@example.test');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: session.headers() });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.entities.map((e: { code: string }) => e.code)).toEqual(['69']);
    expect(body.grants).toEqual([expect.objectContaining({ role: expect.objectContaining({ code: 'manager' }), entity: expect.objectContaining({ code: '69' }) })]);
    expect(body.permissions).toContain('entities.read');
    expect(body.permissions).not.toContain('identity.users.read');
    // After a page reload the back-office gets the CSRF token back from /auth/me.
    expect(body.csrfToken).toBe(session.csrfToken);

    const admin = await signIn(t.app, 'admin@example.test');
    const adminMe = (await t.app.inject({ url: '/api/v1/auth/me', headers: admin.headers() })).json();
    expect(adminMe.entities.map((e: { code: string }) => e.code).sort()).toEqual(['2A', '69', '75', 'FR', 'R11', 'R84', 'R94']);
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const unknown = await login({ email: 'nobody@example.test', password: TEST_PASSWORD });
    const wrong = await login({ email: 'admin@example.test', password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().code).toBe('invalid_credentials');
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks an account after 5 consecutive failures, then unlocks it when the lock expires', async () => {
    const user = await createUser(t, { email: 'locked@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await login({ email: user.email, password: 'wrong password' })).json().code).toBe('invalid_credentials');
    }
    const fifth = await login({ email: user.email, password: 'wrong password' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('account_locked');
    const locked = await login({ email: user.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'account_locked', detail: expect.stringMatching(/locked after 5 failed sign-in attempts\. Try again in 15 minutes/) });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);

    // Fifteen minutes later (moved in the database rather than waiting):
    await withOwnerClient(t.testDatabase.database, (client) => client.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]));
    expect((await login({ email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('resets the failure count after a successful sign-in', async () => {
    const user = await createUser(t, { email: 'forgetful@example.test', roleCode: 'viewer', entityId: network.ids['75']! });
    for (let attempt = 1; attempt <= 4; attempt += 1) await login({ email: user.email, password: 'wrong password' });
    expect((await login({ email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await login({ email: user.email, password: 'wrong password' })).json().code).toBe('invalid_credentials');
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const from = '203.0.113.77';
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      expect((await login({ email: 'nobody@example.test', password: 'x' }, from)).statusCode).toBe(401);
    }
    const limited = await login({ email: 'admin@example.test', password: TEST_PASSWORD }, from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login({ email: 'admin@example.test', password: TEST_PASSWORD }, '203.0.113.78')).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated unsafe request without the right CSRF token', async () => {
    const session = await signIn(t.app, 'admin@example.test');
    const body = { code: 'csrf_probe', name: 'Sonde', permissions: ['entities.read'] };
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/roles', headers: { cookie: session.cookie }, payload: body });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/roles', headers: { cookie: session.cookie, 'x-csrf-token': 'forged' }, payload: body });
    expect(wrong.json().code).toBe('csrf_failed');
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/roles', headers: session.headers('POST'), payload: body });
    expect(right.statusCode).toBe(201);
    // Safe methods need no token.
    expect((await t.app.inject({ url: '/api/v1/roles', headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });

  it('ignores an unknown session cookie and clears it', async () => {
    const response = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: 'maillage_session=forged' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
    expect(response.cookies.find((c) => c.name === 'maillage_session')?.value).toBe('');
  });

  it('refuses a deactivated user: sign-in and their open sessions', async () => {
    const user = await createUser(t, { email: 'leaving@example.test', roleCode: 'manager', entityId: network.ids['75']! });
    const session = await signIn(t.app, user.email);
    const admin = await signIn(t.app, 'admin@example.test');
    const read = await t.app.inject({ url: `/api/v1/users/${user.id}`, headers: admin.headers() });
    const deactivate = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { ...admin.headers('PATCH'), 'if-match': read.headers.etag as string, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ status: 'deactivated' }),
    });
    expect(deactivate.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session.headers() })).statusCode).toBe(401);
    const again = await login({ email: user.email, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('account_deactivated');
    // A wrong password on a deactivated account reveals nothing more than for anyone else.
    expect((await login({ email: user.email, password: 'wrong password' })).json().code).toBe('invalid_credentials');
  });

  it('lets a user change their own password, which ends their other sessions', async () => {
    const user = await createUser(t, { email: 'rotating@example.test', roleCode: 'viewer', entityId: network.ids['69']! });
    const first = await signIn(t.app, user.email);
    const second = await signIn(t.app, user.email);
    const tooShort = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: second.headers('POST'), payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.json().errors).toEqual([{ pointer: '/newPassword', message: 'Le mot de passe doit comporter au moins 12 caractères.' }]);
    // A wrong current password is a field error on a still valid session, not a 401 that would sign the user out.
    const wrongCurrent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: second.headers('POST'),
      payload: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' },
    });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().errors).toEqual([{ pointer: '/currentPassword', message: 'Le mot de passe actuel est incorrect.' }]);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: second.headers() })).statusCode).toBe(200);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: second.headers('POST'),
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: first.headers() })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: second.headers() })).statusCode).toBe(200);
    await signIn(t.app, user.email, 'a brand new passphrase');
  });

  it('purges expired sessions (the hourly job) and keeps live ones', async () => {
    const stale = await signIn(t.app, 'manager.69@example.test');
    const live = await signIn(t.app, 'manager.69@example.test');
    await withOwnerClient(t.testDatabase.database, (client) =>
      client.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE csrf_token = $1`, [stale.csrfToken]),
    );
    expect(await withTransaction(t.testDatabase.database, { kind: 'system' }, deleteExpiredSessions)).toBeGreaterThanOrEqual(1);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: stale.headers() })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: live.headers() })).statusCode).toBe(200);
  });

  it('records sign-ins and failures in the audit trail', async () => {
    const { rows } = await withOwnerClient(t.testDatabase.database, (client) =>
      client.query<{ action: string }>(`SELECT DISTINCT action FROM audit_events WHERE action LIKE 'identity.%' ORDER BY action`),
    );
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['identity.login.failed', 'identity.login.locked', 'identity.login.succeeded', 'identity.logout', 'identity.user.updated', 'identity.role.created']),
    );
  });
});

describe('sign-in logs', () => {
  let t: ObservedApp;
  const password = 'Unmistakable-Passphrase-7f3a9c';

  beforeAll(async () => {
    t = await createObservedApp({ LOG_LEVEL: 'trace' });
    const network = await createSmallNetwork(t.testDatabase.database);
    await createUser(t.testDatabase.database, { email: 'logged@example.test', password, roleCode: 'viewer', entityId: network.ids['69']! });
  });
  afterAll(() => t.close());

  it('never contain the password, the session cookie or the CSRF token', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'logged@example.test', password } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'maillage_session')!.value;
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'logged@example.test', password: `${password}-typo` } });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `maillage_session=${cookie}`, 'x-csrf-token': ok.json().csrfToken } });
    const logs = JSON.stringify(t.logLines);
    expect(t.logLines.length).toBeGreaterThan(0);
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(cookie);
    expect(logs).not.toContain(ok.json().csrfToken);
  });
});
