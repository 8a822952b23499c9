import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
/**
 * Bucket bounds in seconds. Every latency threshold of docs/slo.md is a bound, so the share of
 * requests under a threshold is read exactly from one bucket (slo.test.ts checks this).
 */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10, 20, 30, 60];
export const JOB_DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];
export function createMetrics(options = {}) {
    const registry = new Registry();
    if (options.processMetrics ?? true)
        collectDefaultMetrics({ register: registry });
    const httpLabels = ['method', 'route', 'route_class', 'status_code'];
    const httpDuration = new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request duration from receipt to response sent, by route template.',
        labelNames: httpLabels,
        buckets: HTTP_DURATION_BUCKETS,
        registers: [registry],
    });
    const httpRequests = new Counter({
        name: 'http_requests_total',
        help: 'HTTP requests answered, by route template and status.',
        labelNames: httpLabels,
        registers: [registry],
    });
    if (options.pool)
        registerPoolGauges(registry, options.pool);
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
        observeHttp({ method, route, routeClass, statusCode, durationSeconds }) {
            const labels = { method, route, route_class: routeClass, status_code: String(statusCode) };
            httpDuration.observe(labels, durationSeconds);
            httpRequests.inc(labels);
        },
        observeJob({ queue, durationSeconds, outcome }) {
            jobDuration.observe({ queue, outcome }, durationSeconds);
            jobsProcessed.inc({ queue, outcome });
        },
        setQueueStatsSource: queues.setSource,
    };
}
function registerPoolGauges(registry, pool) {
    const gauges = [
        ['db_pool_connections_total', 'Connections open in the database pool.', () => pool.totalCount],
        ['db_pool_connections_idle', 'Idle connections in the database pool.', () => pool.idleCount],
        ['db_pool_clients_waiting', 'Callers waiting for a database connection (sustained > 0: the pool is too small).', () => pool.waitingCount],
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
function registerQueueGauges(registry) {
    let source;
    // Both gauges are collected concurrently on a scrape: share one read of the queues between them.
    let inFlight;
    const read = () => {
        if (!source)
            return Promise.resolve([]);
        inFlight ??= source()
            .catch(() => [])
            .finally(() => {
            inFlight = undefined;
        });
        return inFlight;
    };
    const gauge = (name, help, pick) => new Gauge({
        name,
        help,
        labelNames: ['queue'],
        registers: [registry],
        async collect() {
            const snapshots = await read();
            // A queue that vanished must not keep its last value.
            this.reset();
            for (const snapshot of snapshots)
                this.set({ queue: snapshot.queue }, pick(snapshot));
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
//# sourceMappingURL=metrics.js.map