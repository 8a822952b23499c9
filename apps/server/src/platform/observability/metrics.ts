import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { HttpRequestMetrics } from './http-metrics.js';
import type { RouteClass } from './route-class.js';

/**
 * Bucket bounds in seconds. Every latency threshold of docs/slo.md is a bound, so the share of
 * requests under a threshold is read exactly from one bucket (slo.test.ts checks this).
 */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 20, 30, 60];
export const JOB_DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];

export interface HttpObservation {
  method: string;
  /** The route template or `unmatched`, never the raw URL (unbounded label values would exhaust memory). */
  route: string;
  routeClass: RouteClass;
  statusCode: number;
  durationSeconds: number;
}

export type JobOutcome = 'completed' | 'failed';

export interface JobObservation {
  queue: string;
  durationSeconds: number;
  outcome: JobOutcome;
}

/** What the job bus reports about one queue when /metrics is scraped. */
export interface QueueSnapshot {
  queue: string;
  /** Jobs ready to run (created or retry, start time reached) and not yet picked up. */
  waiting: number;
  /** Age of the oldest of those jobs, 0 when none waits: the queue lag. */
  oldestWaitingSeconds: number;
}

export type QueueStatsSource = () => Promise<readonly QueueSnapshot[]>;

/** The metrics of one app instance; each app has its own registry, so tests can build several apps. */
export interface Metrics {
  readonly registry: Registry;
  observeHttp(observation: HttpObservation): void;
  /** Called by the job bus once per job run, after the handler settles. */
  observeJob(observation: JobObservation): void;
  /** The job bus registers how to read its queues; called on each scrape, never otherwise. */
  setQueueStatsSource(source: QueueStatsSource): void;
}

export function createMetrics(options: { pools?: readonly pg.Pool[]; processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const http = new HttpRequestMetrics(registry, HTTP_DURATION_BUCKETS);

  if (options.pools?.length) registerPoolGauges(registry, [...new Set(options.pools)]);

  const jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Job handler duration, by queue and outcome.',
    labelNames: ['queue', 'outcome'],
    buckets: JOB_DURATION_BUCKETS,
    registers: [registry],
  });
  const jobsProcessed = new Counter({
    name: 'jobs_processed_total',
    help: 'Jobs run to completion or failure, by queue and outcome.',
    labelNames: ['queue', 'outcome'],
    registers: [registry],
  });
  const queues = registerQueueGauges(registry);

  return {
    registry,
    observeHttp: (observation) => http.observe(observation),
    observeJob({ queue, durationSeconds, outcome }) {
      jobDuration.observe({ queue, outcome }, durationSeconds);
      jobsProcessed.inc({ queue, outcome });
    },
    setQueueStatsSource: queues.setSource,
  };
}

/** Summed over the pools: the owner's and the application's (one and the same on PGlite). */
function registerPoolGauges(registry: Registry, pools: readonly pg.Pool[]): void {
  const sum = (count: (pool: pg.Pool) => number) => () => pools.reduce((total, pool) => total + count(pool), 0);
  const gauges: Array<[string, string, () => number]> = [
    ['db_pool_connections_total', 'Connections open in the database pools.', sum((pool) => pool.totalCount)],
    ['db_pool_connections_idle', 'Idle connections in the database pools.', sum((pool) => pool.idleCount)],
    ['db_pool_clients_waiting', 'Callers waiting for a database connection (sustained > 0: the pool is too small).', sum((pool) => pool.waitingCount)],
  ];
  for (const [name, help, read] of gauges) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  }
}

function registerQueueGauges(registry: Registry): { setSource(source: QueueStatsSource): void } {
  let source: QueueStatsSource | undefined;
  // Both gauges are collected concurrently on a scrape: share one read of the queues between them.
  let inFlight: Promise<readonly QueueSnapshot[]> | undefined;
  const read = (): Promise<readonly QueueSnapshot[]> => {
    if (!source) return Promise.resolve([]);
    inFlight ??= source()
      .catch(() => [] as const)
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
  const gauge = (name: string, help: string, pick: (snapshot: QueueSnapshot) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        const snapshots = await read();
        // A queue that vanished must not keep its last value.
        this.reset();
        for (const snapshot of snapshots) this.set({ queue: snapshot.queue }, pick(snapshot));
      },
    });
  gauge('job_queue_waiting_jobs', 'Jobs ready to run and not yet picked up, by queue.', (s) => s.waiting);
  gauge('job_queue_oldest_waiting_seconds', 'Age of the oldest job ready to run and not yet picked up (queue lag), by queue.', (s) => s.oldestWaitingSeconds);
  return {
    setSource(next) {
      source = next;
    },
  };
}
