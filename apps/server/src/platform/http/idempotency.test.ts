import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../db/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createWidgetsTable, registerTestPrincipal, registerWidgetRoutes } from '../../test/widgets-fixture.js';
import { purgeExpiredIdempotencyKeys } from './idempotency-store.js';

const ALICE = '0190a000-0000-7000-8000-00000000a11c';
const BOB = '0190a000-0000-7000-8000-0000000000b0';

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, {
      registerRoutes: async (app, testDatabase) => {
        await createWidgetsTable(testDatabase.database);
        registerTestPrincipal(app);
        registerWidgetRoutes(app, testDatabase.database);
      },
    });
  });
  afterAll(() => t.close());

  const post = (user: string | null, key: string | null, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/test-widgets',
      payload,
      headers: { ...(user ? { 'x-test-user': user } : {}), ...(key ? { 'idempotency-key': key } : {}) },
    });
  const widgetCount = async () => (await t.testDatabase.database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM test_widgets')).rows[0]!.n;

  it('replays the first response for the same key and body, without a second write', async () => {
    const before = await widgetCount();
    const first = await post(ALICE, 'key-1', { name: 'Atelier', status: 'draft', amount: 5 });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const again = await post(ALICE, 'key-1', { name: 'Atelier', status: 'draft', amount: 5 });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.json()).toEqual(first.json());
    expect(await widgetCount()).toBe(before + 1);
  });

  it('refuses the same key with another body (422) and keeps keys per caller', async () => {
    await post(ALICE, 'key-2', { name: 'Un', status: 'draft', amount: 1 });
    const reused = await post(ALICE, 'key-2', { name: 'Deux', status: 'draft', amount: 1 });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');
    const bob = await post(BOB, 'key-2', { name: 'Deux', status: 'draft', amount: 1 });
    expect(bob.statusCode).toBe(201);
    expect(bob.headers['idempotency-replayed']).toBeUndefined();
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const payload = { name: 'slow', status: 'draft', amount: 1 };
    const first = post(ALICE, 'key-3', payload);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const concurrent = await post(ALICE, 'key-3', payload);
    expect(concurrent.statusCode).toBe(409);
    expect(concurrent.json().code).toBe('idempotency_key_in_flight');
    expect(concurrent.headers['retry-after']).toBe('1');
    expect((await first).statusCode).toBe(201);
    expect((await post(ALICE, 'key-3', payload)).headers['idempotency-replayed']).toBe('true');
  });

  it('remembers business refusals (stored after the response) but not invalid bodies or server errors', async () => {
    const conflict = await post(ALICE, 'key-4', { name: 'conflict', status: 'draft', amount: 1 });
    expect(conflict.statusCode).toBe(409);
    const replayed = await post(ALICE, 'key-4', { name: 'conflict', status: 'draft', amount: 1 });
    expect(replayed.statusCode).toBe(409);
    expect(replayed.headers['idempotency-replayed']).toBe('true');
    expect(replayed.headers['content-type']).toContain('application/problem+json');

    expect((await post(ALICE, 'key-5', { name: '', status: 'draft', amount: 1 })).statusCode).toBe(422);
    expect((await post(ALICE, 'key-5', { name: 'Corrigé', status: 'draft', amount: 1 })).statusCode).toBe(201);

    expect((await post(ALICE, 'key-6', { name: 'boom', status: 'draft', amount: 1 })).statusCode).toBe(500);
    const { rows } = await t.testDatabase.database.pool.query(`SELECT 1 FROM idempotency_keys WHERE key = 'key-6'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses keys from anonymous callers and malformed keys', async () => {
    const anonymous = await post(null, 'key-7', { name: 'Anonyme', status: 'draft', amount: 1 });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().code).toBe('idempotency_key_anonymous');
    const malformed = await post(ALICE, 'clé avec espaces', { name: 'X', status: 'draft', amount: 1 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors?.[0]?.pointer ?? malformed.json().code).toMatch(/idempotency-key|invalid_idempotency_key/);
    expect((await post(null, null, { name: 'Sans clé', status: 'draft', amount: 1 })).statusCode).toBe(201);
  });

  it('forgets keys after 24 hours: reusable, and purged', async () => {
    await post(ALICE, 'key-8', { name: 'Ancien', status: 'draft', amount: 1 });
    await withOwnerClient(t.testDatabase.database, (client) => client.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key IN ('key-8', 'key-1')`));
    const fresh = await post(ALICE, 'key-8', { name: 'Nouveau', status: 'draft', amount: 1 });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.headers['idempotency-replayed']).toBeUndefined();
    await withOwnerClient(t.testDatabase.database, (client) => client.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE caller_key = $1`, [`user:${BOB}`]));
    expect(await purgeExpiredIdempotencyKeys(t.testDatabase.database)).toBeGreaterThanOrEqual(1);
    const { rows } = await t.testDatabase.database.pool.query(`SELECT 1 FROM idempotency_keys WHERE caller_key = $1`, [`user:${BOB}`]);
    expect(rows).toHaveLength(0);
  });
});
