import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../test/auth.js';
import { createSmallNetwork } from '../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { withOwnerClient } from '../db/index.js';

// The platform's own purge job: every app has its queue and dead-letter queue.
const QUEUE = 'platform.purge-processed-messages';
const DEAD_LETTERS = `${QUEUE}.dead-letter`;

describe('job administration API', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  const failedId = randomUUID();
  const deadLetteredId = randomUUID();
  const sourceId = randomUUID();

  const query = <R extends object>(sql: string, values: unknown[] = []) =>
    withOwnerClient(t.testDatabase.database, async (client) => (await client.query<R>(sql, values)).rows);

  beforeAll(async () => {
    t = await createTestApp();
    const network = await createSmallNetwork(t.testDatabase.database);
    await createUser(t, { email: 'admin@jobs.test', roleCode: 'national_admin', entityId: network.ids.FR! });
    await createUser(t, { email: 'manager@jobs.test', roleCode: 'manager', entityId: network.ids['69']! });
    admin = await signIn(t.app, 'admin@jobs.test');
    manager = await signIn(t.app, 'manager@jobs.test');
    // What a worker leaves behind: a job failed for good, and its copy in the dead-letter queue.
    await query(
      `INSERT INTO pgboss.job (id, name, data, state, retry_count, output, completed_on, start_after)
       VALUES ($1, $2, '{}', 'failed', 2, '{"message": "disk full", "stack": "secret internals"}', now(), now() - interval '1 hour')`,
      [failedId, QUEUE],
    );
    await query(
      `INSERT INTO pgboss.job (id, name, data, state, source_name, source_id, source_retry_count, source_output, source_created_on, start_after)
       VALUES ($1, $2, '{}', 'created', $3, $4, 2, '{"message": "timeout"}', now() - interval '2 hours', now() + interval '1 day')`,
      [deadLetteredId, DEAD_LETTERS, QUEUE, sourceId],
    );
  });
  afterAll(() => t?.close());

  const retry = (user: SignedIn, queue: string, id: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/jobs/${encodeURIComponent(queue)}/${id}/retry`, headers: user.headers('POST') });

  it('lists queues with counts per state', async () => {
    const response = await t.app.inject({ url: '/api/v1/jobs', headers: admin.headers() });
    expect(response.statusCode).toBe(200);
    const queues = response.json<{ items: Array<{ queue: string; deadLetterQueue: string | null; counts: Record<string, number> }> }>().items;
    expect(queues.find((q) => q.queue === QUEUE)).toMatchObject({ deadLetterQueue: DEAD_LETTERS, counts: { failed: 1 } });
    expect(queues.find((q) => q.queue === DEAD_LETTERS)).toMatchObject({ deadLetterQueue: null, counts: { created: 1 } });
    expect(queues.some((q) => q.queue.startsWith('__pgboss__'))).toBe(false);
  });

  it('lists failed and dead-lettered jobs with their error message only', async () => {
    const response = await t.app.inject({ url: '/api/v1/jobs/failed', headers: admin.headers() });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: failedId, queue: QUEUE, kind: 'failed', retryCount: 2, error: 'disk full' }),
        expect.objectContaining({ id: deadLetteredId, queue: DEAD_LETTERS, kind: 'dead-lettered', sourceQueue: QUEUE, sourceId, error: 'timeout' }),
      ]),
    );
    expect(response.body).not.toContain('secret internals');
    const filtered = await t.app.inject({ url: `/api/v1/jobs/failed?queue=${encodeURIComponent(DEAD_LETTERS)}`, headers: admin.headers() });
    expect(filtered.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual([deadLetteredId]);
  });

  it('retries a failed job and moves a dead-lettered one back to its queue, with an audit line each', async () => {
    const retried = await retry(admin, QUEUE, failedId);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toEqual({ queue: QUEUE, id: failedId, action: 'retried' });
    expect((await query<{ state: string }>('SELECT state FROM pgboss.job WHERE id = $1', [failedId]))[0]?.state).not.toBe('failed');

    const redriven = await retry(admin, DEAD_LETTERS, deadLetteredId);
    expect(redriven.statusCode).toBe(202);
    expect(redriven.json()).toMatchObject({ action: 'redriven' });
    expect(await query('SELECT 1 FROM pgboss.job WHERE id = $1', [deadLetteredId])).toHaveLength(0);
    // Back in its source queue as a new job (beside the retried one).
    expect(await query('SELECT id FROM pgboss.job WHERE name = $1 AND id NOT IN ($2, $3)', [QUEUE, failedId, deadLetteredId])).toHaveLength(1);

    const audit = await query<{ resource_id: string }>(`SELECT resource_id FROM audit_events WHERE action = 'platform.job.retried' ORDER BY occurred_at, id`);
    expect(audit.map((row) => row.resource_id)).toEqual([failedId, deadLetteredId]);
  });

  it('answers 404 for an unknown job and 409 for one that has not failed', async () => {
    expect((await retry(admin, QUEUE, randomUUID())).statusCode).toBe(404);
    const completedId = randomUUID();
    await query(`INSERT INTO pgboss.job (id, name, data, state, completed_on) VALUES ($1, $2, '{}', 'completed', now())`, [completedId, QUEUE]);
    const refused = await retry(admin, QUEUE, completedId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'job_not_retryable' });
  });

  it('is for national administrators only', async () => {
    expect((await t.app.inject({ url: '/api/v1/jobs', headers: manager.headers() })).statusCode).toBe(403);
    expect((await retry(manager, QUEUE, failedId)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/jobs/failed' })).statusCode).toBe(401);
  });
});
