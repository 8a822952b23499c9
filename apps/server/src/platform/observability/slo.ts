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

export const LATENCY_OBJECTIVES: readonly LatencyObjective[] = [
  { routeClass: 'read_by_id', covers: 'GET of one record by id', p95Seconds: 0.05, p99Seconds: 0.1 },
  { routeClass: 'collection', covers: 'GET of a page of a collection (filters, sort, cursor), no full-text', p95Seconds: 0.1, p99Seconds: 0.2 },
  { routeClass: 'search', covers: 'full-text or fuzzy search (`q=` or a /search route)', p95Seconds: 0.2, p99Seconds: 0.5 },
  { routeClass: 'write', covers: 'POST, PUT, PATCH, DELETE', p95Seconds: 0.1, p99Seconds: 0.3 },
  { routeClass: 'export', covers: 'synchronous exports (CSV, XLSX); larger ones run as jobs', p95Seconds: 5, p99Seconds: 20 },
  { routeClass: 'ai_answer', covers: 'AI Hub answer, complete (retrieval + generation)', p95Seconds: 10, p99Seconds: 30 },
];

export const ERROR_OBJECTIVE = {
  /** Share of answered requests with a 5xx status, internal and unmatched routes excluded. */
  max5xxRatio: 0.001,
} as const;

export const JOB_OBJECTIVES = {
  /** job_queue_oldest_waiting_seconds, every queue, sampled each scrape. */
  maxOldestWaitingSeconds: 60,
  /** Share of job attempts ending `failed`, per queue (a job failing once then completing on retry counts one failed attempt). */
  maxFailureRatio: 0.01,
} as const;

/** Below this many requests in the window a class is reported as "not enough traffic", neither pass nor fail. */
export const MIN_REQUESTS_PER_CLASS = 100;
