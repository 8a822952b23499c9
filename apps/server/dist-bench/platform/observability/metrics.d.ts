import type pg from 'pg';
import { Registry } from 'prom-client';
import type { RouteClass } from './route-class.js';
/**
 * Bucket bounds in seconds. Every latency threshold of docs/slo.md is a bound, so the share of
 * requests under a threshold is read exactly from one bucket (slo.test.ts checks this).
 */
export declare const HTTP_DURATION_BUCKETS: number[];
export declare const JOB_DURATION_BUCKETS: number[];
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
export declare function createMetrics(options?: {
    pool?: pg.Pool;
    processMetrics?: boolean;
}): Metrics;
