import { pino } from 'pino';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { openDatabase, withOwnerClient, withTransaction, type Database } from '../db/index.js';
import { MessageBus, type JobSettledEvent } from './bus.js';
import { defineMessage, InvalidMessageError } from './message.js';
import { runOnce } from './run-once.js';

const system = { kind: 'system' } as const;
const fast = { retryDelay: 0, retryBackoff: false } as const;

const greeted = defineMessage({ name: 'test.greeted', schema: Type.Object({ name: Type.String({ minLength: 1 }) }), ...fast });
const partialWork = defineMessage({ name: 'test.partial-work', schema: Type.Object({ key: Type.String() }), retryLimit: 2, ...fast });
const crashAfterCommit = defineMessage({ name: 'test.crash-after-commit', schema: Type.Object({ key: Type.String() }), retryLimit: 2, ...fast });
const alwaysFails = defineMessage({ name: 'test.always-fails', schema: Type.Object({ key: Type.String() }), retryLimit: 1, ...fast });
const strict = defineMessage({ name: 'test.strict', schema: Type.Object({ count: Type.Integer() }), retryLimit: 3, ...fast });
const nightly = defineMessage({ name: 'test.nightly', schema: Type.Object({}) });

describe('message bus', () => {
  let t: TestDatabase;
  let database: Database;
  let bus: MessageBus;
  const received: Array<{ name: string; retryCount: number; queue: string }> = [];
  const attempts = new Map<string, number>();
  const settled: JobSettledEvent[] = [];

  const effects = async (key: string) => {
    const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM bus_probe WHERE key = $1', [key]);
    return rows[0]!.n;
  };
  const attempt = (key: string) => {
    const n = attempts.get(key) ?? 0;
    attempts.set(key, n + 1);
    return n;
  };
  const sendCommitted = <P>(send: (tx: Parameters<Parameters<typeof withTransaction>[2]>[0]) => Promise<P>) => withTransaction(database, system, send);

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
    database = t.database;
    await withOwnerClient(database, (client) => client.query('CREATE TABLE bus_probe (id serial PRIMARY KEY, key text NOT NULL); GRANT USAGE ON SEQUENCE bus_probe_id_seq TO maillage_app'));
    bus = new MessageBus({ database, role: 'all', logger: pino({ level: 'silent' }), pollingIntervalSeconds: 0.5, stopTimeoutMs: 2_000 });
    bus.handle(greeted, async (payload, job) => {
      received.push({ name: payload.name, retryCount: job.retryCount, queue: job.queue });
    });
    // Throws after writing inside its transaction: the rollback undoes the partial effect.
    bus.handle(partialWork, async (payload) => {
      const n = attempt(payload.key);
      await withTransaction(database, system, async (tx) => {
        await tx.client.query('INSERT INTO bus_probe (key) VALUES ($1)', [payload.key]);
        if (n === 0) throw new Error('failed half-way');
      });
    });
    // Commits its effect, then dies before pg-boss hears of it: the retry must not repeat the effect.
    bus.handle(crashAfterCommit, async (payload, job) => {
      const n = attempt(payload.key);
      await withTransaction(database, system, (tx) =>
        runOnce(tx, job.id, async () => {
          await tx.client.query('INSERT INTO bus_probe (key) VALUES ($1)', [payload.key]);
        }),
      );
      if (n === 0) throw new Error('crashed after commit');
    });
    bus.handle(alwaysFails, async (payload) => {
      attempt(payload.key);
      throw new Error('still broken');
    });
    bus.handle(strict, async () => {
      attempt('strict');
    });
    bus.schedule(nightly, '0 3 * * *', {}, { tz: 'Europe/Paris' });
    bus.onJobSettled((event) => settled.push(event));
    await bus.start();
  });
  afterAll(async () => {
    await bus?.stop();
    await t?.drop();
  });

  it('delivers a committed message with its validated payload and job metadata', async () => {
    const id = await sendCommitted((tx) => bus.send(tx, greeted, { name: 'Camille' }));
    await waitFor(() => received.some((r) => r.name === 'Camille'));
    expect(received.find((r) => r.name === 'Camille')).toEqual({ name: 'Camille', retryCount: 0, queue: 'test.greeted' });
    await waitFor(() => settled.some((e) => e.jobId === id && e.outcome === 'completed'));
  });

  it('sends nothing when the transaction rolls back', async () => {
    await expect(
      sendCommitted(async (tx) => {
        await bus.send(tx, greeted, { name: 'Rolled back' });
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    const { rows } = await database.pool.query(`SELECT id FROM pgboss.job WHERE name = 'test.greeted' AND data->>'name' = 'Rolled back'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an invalid payload at send time', async () => {
    await expect(sendCommitted((tx) => bus.send(tx, greeted, { name: '' }))).rejects.toBeInstanceOf(InvalidMessageError);
  });

  it('retries a handler that failed half-way; its effect happens once', async () => {
    await sendCommitted((tx) => bus.send(tx, partialWork, { key: 'partial' }));
    await waitFor(() => (attempts.get('partial') ?? 0) >= 2 && settled.some((e) => e.queue === 'test.partial-work' && e.outcome === 'completed'));
    expect(attempts.get('partial')).toBe(2);
    expect(await effects('partial')).toBe(1);
  });

  it('skips a committed effect when the job is redelivered after a crash (runOnce)', async () => {
    const id = await sendCommitted((tx) => bus.send(tx, crashAfterCommit, { key: 'crash' }));
    await waitFor(() => settled.some((e) => e.jobId === id && e.outcome === 'completed'));
    expect(attempts.get('crash')).toBe(2);
    expect(await effects('crash')).toBe(1);
    const { rows } = await database.pool.query('SELECT key FROM processed_messages WHERE key = $1', [id]);
    expect(rows).toHaveLength(1);
  });

  it('moves a job that exhausted its retries to the dead-letter queue', async () => {
    const id = await sendCommitted((tx) => bus.send(tx, alwaysFails, { key: 'doomed' }));
    const dead = await waitFor(async () => {
      const { rows } = await database.pool.query(`SELECT data, source_id FROM pgboss.job WHERE name = 'test.always-fails.dead-letter'`);
      return rows[0];
    });
    expect(dead).toEqual({ data: { key: 'doomed' }, source_id: id });
    expect(attempts.get('doomed')).toBe(2);
  });

  it('dead-letters a job whose payload fails validation on receipt, without retrying', async () => {
    // A sender on an older schema version: bypass the typed send.
    const id = await bus.boss.send('test.strict', { count: 'many' });
    await waitFor(async () => (await database.pool.query(`SELECT 1 FROM pgboss.job WHERE name = 'test.strict.dead-letter' AND source_id = $1`, [id])).rows[0]);
    expect(attempts.get('strict')).toBeUndefined();
    expect(settled.find((e) => e.jobId === id)?.outcome).toBe('rejected');
  });

  it('records cron schedules', async () => {
    const schedules = await bus.boss.getSchedules('test.nightly');
    expect(schedules).toMatchObject([{ name: 'test.nightly', cron: '0 3 * * *', timezone: 'Europe/Paris' }]);
  });

  it('refuses to send a message that was not registered before start', async () => {
    const stray = defineMessage({ name: 'test.stray', schema: Type.Object({}) });
    await expect(sendCommitted((tx) => bus.send(tx, stray, {}))).rejects.toThrow(/not registered/);
  });
});

describe('message bus workers', () => {
  let t: TestDatabase;
  const slow = defineMessage({ name: 'test.slow', schema: Type.Object({ n: Type.Integer() }), ...fast });
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
  });
  afterAll(() => t?.drop());

  it('only sends from a web process, and lets a running job finish on stop', async () => {
    const seen: number[] = [];
    const web = new MessageBus({ database: t.database, role: 'web', logger, pollingIntervalSeconds: 0.5 });
    web.handle(slow, async ({ n }) => {
      seen.push(-n);
    });
    await web.start();
    expect(web.runsWorkers).toBe(false);
    await withTransaction(t.database, system, (tx) => web.send(tx, slow, { n: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(seen).toEqual([]);

    let release = () => {};
    const worker = new MessageBus({ database: t.database, role: 'worker', logger, pollingIntervalSeconds: 0.5, stopTimeoutMs: 5_000 });
    worker.handle(slow, async ({ n }) => {
      seen.push(n);
      await new Promise<void>((resolve) => (release = resolve));
      seen.push(n * 10);
    });
    await worker.start();
    await waitFor(() => seen.includes(1));
    const stopping = worker.stop();
    setTimeout(() => release(), 300);
    await stopping;
    expect(seen).toEqual([1, 10]);
    const { rows } = await t.database.pool.query(`SELECT state FROM pgboss.job WHERE name = 'test.slow'`);
    expect(rows).toEqual([{ state: 'completed' }]);
    await web.stop();
  });

  it('drops a schedule removed from the code at the next worker start', async () => {
    const report = defineMessage({ name: 'test.weekly-report', schema: Type.Object({}) });
    const before = new MessageBus({ database: t.database, role: 'worker', logger });
    before.schedule(report, '0 6 * * 1', {});
    await before.start();
    expect(await before.boss.getSchedules('test.weekly-report')).toHaveLength(1);
    await before.stop();
    const after = new MessageBus({ database: t.database, role: 'worker', logger });
    after.register(report);
    await after.start();
    expect(await after.boss.getSchedules('test.weekly-report')).toHaveLength(0);
    await after.stop();
  });

  it.skipIf(!process.env.DATABASE_URL)('shares the work between workers on one PostgreSQL, each job once', async () => {
    const second = await openDatabase({ databaseUrl: t.url, dataDir: '', databasePoolSize: 3 });
    const shared = defineMessage({ name: 'test.shared', schema: Type.Object({ n: Type.Integer() }), ...fast });
    const processedBy = new Map<number, string[]>();
    const workers = [t.database, second].map((database, index) => {
      const bus = new MessageBus({ database, role: 'worker', logger, pollingIntervalSeconds: 0.5 });
      bus.handle(
        shared,
        async ({ n }) => {
          processedBy.set(n, [...(processedBy.get(n) ?? []), `w${index}`]);
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
        { concurrency: 2 },
      );
      return bus;
    });
    try {
      for (const bus of workers) await bus.start();
      await withTransaction(t.database, system, async (tx) => {
        for (let n = 0; n < 40; n++) await workers[0]!.send(tx, shared, { n });
      });
      await waitFor(() => processedBy.size === 40);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([...processedBy.values()].every((by) => by.length === 1)).toBe(true);
      const byWorker = new Set([...processedBy.values()].flat());
      expect(byWorker).toEqual(new Set(['w0', 'w1']));
    } finally {
      for (const bus of workers) await bus.stop();
      await second.close();
    }
  });
});

/** Polls until `check` returns something truthy (fast timings keep this well under the test timeout). */
async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
