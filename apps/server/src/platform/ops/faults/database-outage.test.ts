import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { loadConfig } from '../../config/index.js';
import { openDatabase, type Database } from '../../db/index.js';
import { startSwitchableProxy, type SwitchableProxy } from './switchable-proxy.js';

const FAIL_FAST_MS = 6_000;

/**
 * PostgreSQL goes away under a running app (simulated by cutting a TCP proxy in front of it) and
 * comes back: readiness says so at once, requests fail fast with a problem document that shows no
 * internals, and the same process serves again once the database is back, without a restart.
 */
describe.skipIf(!process.env.DATABASE_URL)('database outage', () => {
  let testDatabase: TestDatabase;
  let proxy: SwitchableProxy;
  let database: Database;
  let app: App;
  let manager: SignedIn;

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    const network = await createSmallNetwork(testDatabase.database);
    await createUser(testDatabase.database, { email: 'outage@example.test', roleCode: 'manager', entityId: network.ids['69']! });
    const target = new URL(testDatabase.url!);
    proxy = await startSwitchableProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(testDatabase.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: viaProxy.toString(), DATA_DIR: '/tmp/maillage-test-unused' }, ['--role=web']);
    database = await openDatabase({ ...config, databasePoolSize: 4 });
    app = await buildApp(config, { database });
    await app.ready();
    manager = await signIn(app, 'outage@example.test');
  });

  afterAll(async () => {
    await proxy?.up().catch(() => {});
    await app?.close();
    await database?.close().catch(() => {});
    await proxy?.close();
    await testDatabase?.drop();
  });

  it('reports not ready and refuses requests fast while the database is down, then recovers by itself', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/entities', headers: manager.headers() })).statusCode).toBe(200);

    await proxy.down();
    let started = Date.now();
    const readiness = await app.inject({ method: 'GET', url: '/readyz' });
    expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
    expect(readiness.statusCode).toBe(503);
    expect(readiness.json()).toMatchObject({ status: 'unavailable', checks: { database: 'failing' } });

    started = Date.now();
    const refused = await app.inject({ method: 'GET', url: '/api/v1/entities', headers: manager.headers() });
    expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
    // A lost database is a 503 worth retrying, not a bug (500).
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json()).toMatchObject({ status: 503, code: 'database_unavailable' });
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminated|stack/i);
    expect((await app.inject({ method: 'GET', url: '/livez' })).statusCode).toBe(200);

    await proxy.up();
    let ready = 0;
    for (let attempt = 0; attempt < 50 && ready !== 200; attempt += 1) {
      ready = (await app.inject({ method: 'GET', url: '/readyz' })).statusCode;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/entities', headers: manager.headers() })).statusCode).toBe(200);
  });
});
