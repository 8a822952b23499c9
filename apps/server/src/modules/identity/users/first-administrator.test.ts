import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { signIn } from '../../../test/auth.js';
import { createNationalAdministrator } from './first-administrator.js';

describe('first national administrator (npm run admin:create)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createSmallNetwork(t.testDatabase.database);
  });
  afterAll(() => t.close());

  it('creates a national administrator with a one-time password to change, once', async () => {
    const first = await createNationalAdministrator(t.testDatabase.database, { email: 'DSI@Example.org', displayName: 'DSI' });
    expect(first.created).toBe(true);
    const session = await signIn(t.app, 'dsi@example.org', first.temporaryPassword!);
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: session.headers() })).json();
    expect(me.user.mustChangePassword).toBe(true);
    expect(me.grants).toEqual([expect.objectContaining({ role: expect.objectContaining({ code: 'national_admin' }) })]);
    expect(me.entities.length).toBe(7);
    const audit = (await t.app.inject({ url: '/api/v1/audit-events?filter[action]=identity.user.created', headers: session.headers() })).json();
    expect(audit.items).toEqual([expect.objectContaining({ resourceId: me.user.id, actorUserId: null })]);

    const again = await createNationalAdministrator(t.testDatabase.database, { email: 'dsi@example.org', displayName: 'DSI' });
    expect(again).toEqual({ created: false, temporaryPassword: null });
  });
});
