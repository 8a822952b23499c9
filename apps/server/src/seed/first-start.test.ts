import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App, type AppContext } from '../app.js';
import { loadConfig } from '../platform/config/index.js';
import { signIn } from '../test/auth.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { seedOnFirstStart, type FirstStartReport } from './first-start.js';
import { runSeed } from './seed-steps.js';

/**
 * An app on a fresh database, built like main builds it (migrations at boot), seeding at first start
 * unless told not to. `migrated` starts from the run's migrated snapshot: the boot's migrations are
 * then already applied, which the first suite proves from an empty database.
 */
async function startApp({ seed = true, migrated = false } = {}) {
  const testDatabase = await createTestDatabase({ migrated });
  let context: AppContext | undefined;
  let report: FirstStartReport | null = null;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/maillage-test-unused' }, []);
  const app = await buildApp(config, { database: testDatabase.database, onContext: (built) => (context = built) });
  await app.ready();
  if (seed) report = await seedOnFirstStart(context!);
  return { app, testDatabase, context: context!, report: report as FirstStartReport | null };
}

const count = async (t: TestDatabase, sql: string) => (await t.database.pool.query<{ n: number }>(sql)).rows[0]!.n;

// The first start seeds every module's demo data, in this order (seed-steps.ts).
const DEMO_STEPS = ['network', 'demo accounts', 'CRM demo', 'events demo', 'mandates demo', 'memberships demo', 'CMS demo', 'AI demo'];

describe('first start', () => {
  let app: App;
  let testDatabase: TestDatabase;
  let context: AppContext;
  let report: FirstStartReport | null;

  beforeAll(async () => {
    ({ app, testDatabase, context, report } = await startApp());
  });
  afterAll(async () => {
    await app.close();
    await testDatabase.drop();
  });

  it('seeds the network and the demo accounts, with a generated readable password', async () => {
    expect(report?.run.steps.map((step) => step.name)).toEqual(DEMO_STEPS);
    expect(report?.demo?.generated).toBe(true);
    expect(report?.demo?.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(report?.demo?.logins.map((login) => login.email)).toEqual(['admin@maillage.test', 'manager.69@maillage.test', 'manager.75@maillage.test']);
    expect(await count(testDatabase, `SELECT count(*)::int AS n FROM entities`)).toBe(125);
    // The small CRM demo data set: a first start shows a populated CRM.
    expect(await count(testDatabase, `SELECT count(*)::int AS n FROM organizations`)).toBe(2_000);
  });

  it('lets the demo accounts sign in: the Rhône manager reads the network but cannot change Paris', async () => {
    const manager = await signIn(app, 'manager.69@maillage.test', report!.demo!.password);
    const paris = (await app.inject({ url: '/api/v1/entities?filter[code]=75', headers: manager.headers() })).json().items[0];
    expect(paris.name).toBe('Union territoriale de Paris');
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/v1/entities/${paris.id}`,
      headers: { ...manager.headers('PATCH'), 'content-type': 'application/merge-patch+json', 'if-match': '"1"' },
      payload: JSON.stringify({ name: 'Intrusion' }),
    });
    expect(refused.statusCode).toBe(404);
    await signIn(app, 'admin@maillage.test', report!.demo!.password);
  });

  it('does nothing at the next start: no reseed, no new password', async () => {
    expect(await seedOnFirstStart(context)).toBeNull();
    expect(await count(testDatabase, `SELECT count(*)::int AS n FROM users`)).toBe(3);
  });
});

describe('first start in production, then npm run seed', () => {
  let started: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    started = await startApp({ seed: false, migrated: true });
  });
  afterAll(async () => {
    await started.app.close();
    await started.testDatabase.drop();
  });

  it('seeds the network but never demo accounts in production; the seed steps complete it later', async () => {
    const production = { ...started.context, config: { ...started.context.config, nodeEnv: 'production' as const } };
    const report = await seedOnFirstStart(production);
    expect(report?.demo).toBeNull();
    expect(report?.run.steps.map((step) => step.name)).toEqual(['network']);
    expect(await count(started.testDatabase, `SELECT count(*)::int AS n FROM entities WHERE kind = 'national'`)).toBe(1);
    expect(await count(started.testDatabase, `SELECT count(*)::int AS n FROM users`)).toBe(0);
    expect(await seedOnFirstStart(started.context)).toBeNull();

    // What `npm run seed` does outside production: only the missing parts are created.
    const run = await runSeed(started.context, { scale: 'small', demoPassword: 'Demo-Password-2026' });
    expect(run.steps).toEqual([
      { name: 'network', summary: '0 entities created (125 in the network)' },
      { name: 'demo accounts', summary: '3 accounts created' },
      { name: 'CRM demo', summary: expect.stringMatching(/^2000 companies, \d+ contacts, \d+ interactions created$/) },
      { name: 'events demo', summary: expect.stringMatching(/^[1-9]\d* events created$/) },
      { name: 'mandates demo', summary: expect.stringMatching(/^[1-9]\d* mandates created$/) },
      { name: 'memberships demo', summary: expect.stringMatching(/^[1-9]\d* memberships created$/) },
      { name: 'CMS demo', summary: expect.stringMatching(/^3 sites, [1-9]\d* contents created$/) },
      { name: 'AI demo', summary: expect.stringMatching(/^« Guides pratiques »: [1-9]\d* documents indexed; flag ai.assistant created \(on\)$/) },
    ]);
    await signIn(started.app, 'admin@maillage.test', 'Demo-Password-2026');
    expect((await runSeed(started.context, { scale: 'small', demoPassword: 'another' })).createdLogins).toEqual([]);
  });
});
