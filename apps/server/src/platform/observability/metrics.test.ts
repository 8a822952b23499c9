import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import type { App } from '../../app.js';
import { createObservedApp, type ObservedApp } from '../../test/observed-app.js';

function addProbeRoutes(app: App): void {
  app.get('/api/v1/probe-items/:id', { schema: { params: Type.Object({ id: Type.String() }) } }, async (request) => ({ id: request.params.id }));
  app.post('/api/v1/probe-items', async (_request, reply) => reply.code(201).send({ created: true }));
}

/** One sample line of the exposition, e.g. `http_requests_total{…}`, parsed to its value (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('/metrics', () => {
  let t: ObservedApp;
  const scrape = async () => {
    const response = await t.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body;
  };
  beforeAll(async () => {
    t = await createObservedApp({}, addProbeRoutes);
  });
  afterAll(() => t.close());

  it('labels requests with the route template, never the raw URL or its query string', async () => {
    await t.app.inject('/api/v1/probe-items/123?email=jeanne.martin@example.fr');
    const text = await scrape();
    const labels = { method: 'GET', route: '/api/v1/probe-items/:id', status_code: '200', route_class: 'read_by_id' };
    expect(sample(text, 'http_requests_total', labels)).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', labels)).toBe(1);
    expect(text).not.toContain('/api/v1/probe-items/123');
    expect(text).not.toContain('jeanne.martin');
  });

  it('counts every request and records its duration in the histogram', async () => {
    const labels = { method: 'POST', route: '/api/v1/probe-items', status_code: '201', route_class: 'write' };
    const before = sample(await scrape(), 'http_requests_total', labels);
    for (let i = 0; i < 3; i += 1) await t.app.inject({ method: 'POST', url: '/api/v1/probe-items', payload: {} });
    const text = await scrape();
    expect(sample(text, 'http_requests_total', labels)).toBe(before + 3);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(before + 3);
    // The SLO bucket exists (its count depends on machine load, so no timing is asserted) and durations add up.
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*le="0\.015"[^}]*route="\/api\/v1\/probe-items"/);
    expect(sample(text, 'http_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
  });

  it('files unknown URLs under route "unmatched" so that scanners cannot create label values', async () => {
    await t.app.inject('/api/v1/wp-admin/install.php?step=1');
    await t.app.inject('/api/v1/another-guess/42');
    const text = await scrape();
    expect(sample(text, 'http_requests_total', { route: 'unmatched', status_code: '404', route_class: 'unmatched' })).toBe(2);
    expect(text).not.toContain('wp-admin');
    expect(text).not.toContain('another-guess');
  });

  it('exposes the database pool, job and process metrics', async () => {
    const { metrics } = t.app;
    metrics.observeJob({ queue: 'email.send', durationSeconds: 0.2, outcome: 'completed' });
    metrics.observeJob({ queue: 'email.send', durationSeconds: 1.5, outcome: 'failed' });
    metrics.setQueueStatsSource(async () => [{ queue: 'email.send', waiting: 4, oldestWaitingSeconds: 37 }]);
    const text = await scrape();
    expect(text).toMatch(/^db_pool_connections_total \d+$/m);
    expect(text).toMatch(/^db_pool_connections_idle \d+$/m);
    expect(text).toMatch(/^db_pool_clients_waiting 0$/m);
    expect(sample(text, 'jobs_processed_total', { queue: 'email.send', outcome: 'completed' })).toBe(1);
    expect(sample(text, 'jobs_processed_total', { queue: 'email.send', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'job_duration_seconds_count', { queue: 'email.send', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'job_queue_waiting_jobs', { queue: 'email.send' })).toBe(4);
    expect(sample(text, 'job_queue_oldest_waiting_seconds', { queue: 'email.send' })).toBe(37);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
  });

  it('drops a queue from the lag gauges when the bus stops reporting it, and survives a failing source', async () => {
    const { metrics } = t.app;
    metrics.setQueueStatsSource(async () => {
      throw new Error('pgboss schema missing');
    });
    const text = await scrape();
    expect(text).not.toContain('job_queue_oldest_waiting_seconds{queue="email.send"}');
  });
});
