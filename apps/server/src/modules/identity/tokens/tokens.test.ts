import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createSmallNetwork, type NetworkFixture } from '../../../test/factories/entities.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { CREDENTIAL_CACHE_TTL_MS } from '../access/credential-cache.js';

describe('personal access tokens', () => {
  let t: TestApp;
  let network: NetworkFixture;
  let admin: SignedIn;
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const mint = async (session: SignedIn, permissions: string[], expiresAt = inAMonth()) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personal-access-tokens',
      headers: session.headers('POST'),
      payload: { name: 'Export comptable', permissions, expiresAt },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ token: string; personalAccessToken: { id: string } }>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    network = await createSmallNetwork(t.testDatabase.database);
    await createUser(t, { email: 'admin.69@example.test', roleCode: 'branch_admin', entityId: network.ids['69']! });
    await createUser(t, { email: 'manager.69@example.test', roleCode: 'manager', entityId: network.ids['69']! });
    admin = await signIn(t.app, 'admin.69@example.test');
  });
  afterAll(() => t.close());

  it('acts with its permissions only: a read token cannot write', async () => {
    const { token } = await mint(admin, ['identity.users.read']);
    expect(token).toMatch(/^mlg_[A-Za-z0-9_-]{43}$/);
    const list = await t.app.inject({ url: '/api/v1/users', headers: bearer(token) });
    expect(list.statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(token),
      payload: { email: 'new@example.test', displayName: 'Nouveau', homeEntityId: network.ids['69'] },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('forbidden');
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).json();
    expect(me).toMatchObject({ via: 'token', permissions: ['identity.users.read'] });
  });

  it('never exceeds its owner grants', async () => {
    const manager = await signIn(t.app, 'manager.69@example.test');
    const { token } = await mint(manager, ['identity.users.read', 'entities.read']);
    expect((await t.app.inject({ url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).json().permissions).toEqual(['entities.read']);
  });

  it('skips CSRF, cannot mint tokens itself, and lists without secrets', async () => {
    const { token } = await mint(admin, ['identity.users.read']);
    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personal-access-tokens',
      headers: bearer(token),
      payload: { name: 'x', permissions: ['identity.users.read'], expiresAt: inAMonth() },
    });
    expect(nested.statusCode).toBe(403);
    expect(nested.json().code).toBe('session_required');
    const list = await t.app.inject({ url: '/api/v1/personal-access-tokens', headers: admin.headers() });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    const used = list.json().items.find((item: { prefix: string }) => token.startsWith(item.prefix));
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('stops working once revoked', async () => {
    const { token, personalAccessToken } = await mint(admin, ['identity.users.read']);
    expect((await t.app.inject({ url: '/api/v1/users', headers: bearer(token) })).statusCode).toBe(200);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/personal-access-tokens/${personalAccessToken.id}`, headers: admin.headers('DELETE') });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/users', headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('token_invalid');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/personal-access-tokens/${personalAccessToken.id}`, headers: admin.headers('DELETE') })).statusCode).toBe(404);
  });

  it('stops working once expired, and refuses malformed or unknown tokens', async () => {
    const { token, personalAccessToken } = await mint(admin, ['identity.users.read']);
    await withOwnerClient(t.testDatabase.database, (client) =>
      client.query(`UPDATE personal_access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [personalAccessToken.id]),
    );
    expect((await t.app.inject({ url: '/api/v1/users', headers: bearer(token) })).json().code).toBe('token_invalid');
    expect((await t.app.inject({ url: '/api/v1/users', headers: bearer('mlg_unknown') })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/users', headers: { authorization: 'Basic abc' } })).json().code).toBe('token_invalid');
  });

  it('refuses an Idempotency-Key, so the token is never kept for replay', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personal-access-tokens',
      headers: { ...admin.headers('POST'), 'idempotency-key': 'a3f1c2d4-0000-4000-8000-000000000001' },
      payload: { name: 'x', permissions: ['identity.users.read'], expiresAt: inAMonth() },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('idempotency_not_supported');
  });

  it('validates permissions and expiry', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/personal-access-tokens',
      headers: admin.headers('POST'),
      payload: { name: 'x', permissions: ['no.such.permission'], expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/expiresAt', '/permissions/0']);
  });

  it("stops a deactivated owner's tokens", async () => {
    const owner = await createUser(t, { email: 'integration@example.test', roleCode: 'manager', entityId: network.ids['69']! });
    const { token } = await mint(await signIn(t.app, owner.email), ['entities.read']);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    const { etag } = (await t.app.inject({ url: `/api/v1/users/${owner.id}`, headers: admin.headers('GET') })).headers;
    const deactivation = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${owner.id}`,
      headers: { ...admin.headers('PATCH'), 'content-type': 'application/merge-patch+json', 'if-match': String(etag) },
      payload: { status: 'deactivated' },
    });
    expect(deactivation.statusCode).toBe(200);
    // The credential lookup was cached by the first request: deactivation evicts it at once.
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('notices a revocation made by another process once the cached lookup expires', async () => {
    const { token, personalAccessToken } = await mint(admin, ['entities.read']);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    // Another instance revokes it: this process trusts its cached lookup for at most the TTL.
    await withOwnerClient(t.testDatabase.database, (client) => client.query(`UPDATE personal_access_tokens SET revoked_at = now() WHERE id = $1`, [personalAccessToken.id]));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + CREDENTIAL_CACHE_TTL_MS + 1);
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: bearer(token) })).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
