import type { RouteClass } from './route-class.js';
/**
 * The service level objectives of docs/slo.md in a form a gate can read (`npm run slo`).
 * Latencies are measured by the server itself (http_request_duration_seconds: receipt to last
 * byte written, network excluded). slo.test.ts keeps this file, the histogram buckets and the
 * table in docs/slo.md in step.
 */
export interface LatencyObjective {
    routeClass: Exclude<RouteClass, 'internal' | 'unmatched'>;
    /** What the class covers, for the report the gate prints. */
    covers: string;
    p95Seconds: number;
    p99Seconds: number;
}
export declare const LATENCY_OBJECTIVES: readonly LatencyObjective[];
export declare const ERROR_OBJECTIVE: {
    /** Share of answered requests with a 5xx status, internal and unmatched routes excluded. */
    readonly max5xxRatio: 0.001;
};
export declare const JOB_OBJECTIVES: {
    /** job_queue_oldest_waiting_seconds, every queue, sampled each scrape. */
    readonly maxOldestWaitingSeconds: 60;
    /** Share of job attempts ending `failed`, per queue (a job failing once then completing on retry counts one failed attempt). */
    readonly maxFailureRatio: 0.01;
};
/** Below this many requests in the window a class is reported as "not enough traffic", neither pass nor fail. */
export declare const MIN_REQUESTS_PER_CLASS = 100;
