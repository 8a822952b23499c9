import { ERROR_OBJECTIVE, JOB_OBJECTIVES, LATENCY_OBJECTIVES, MIN_REQUESTS_PER_CLASS, type LatencyObjective } from '../../observability/slo.js';
import { sumSamples, type Sample } from './prometheus-text.js';

export type Verdict = 'pass' | 'fail' | 'not_enough_traffic';

export interface SloCheck {
  indicator: string;
  objective: string;
  measured: string;
  verdict: Verdict;
}

export interface SloReport {
  checks: SloCheck[];
  /** True when no check failed ("not enough traffic" is no failure: the table shows it). */
  passed: boolean;
}

export interface SloObjectives {
  latency: readonly LatencyObjective[];
  max5xxRatio: number;
  maxOldestWaitingSeconds: number;
  maxJobFailureRatio: number;
  minRequestsPerClass: number;
}

/** The objectives of docs/slo.md, as platform/observability/slo.ts holds them. */
export const DOCUMENTED_OBJECTIVES: SloObjectives = {
  latency: LATENCY_OBJECTIVES,
  max5xxRatio: ERROR_OBJECTIVE.max5xxRatio,
  maxOldestWaitingSeconds: JOB_OBJECTIVES.maxOldestWaitingSeconds,
  maxJobFailureRatio: JOB_OBJECTIVES.maxFailureRatio,
  minRequestsPerClass: MIN_REQUESTS_PER_CLASS,
};

const EXCLUDED_CLASSES = new Set(['internal', 'unmatched']);

/**
 * Judges a load run from scrapes of /metrics taken during it: counters and histograms as the
 * difference between the last scrape and the first, gauges (queue lag) at their highest in any
 * scrape. Latency uses the exact share of requests under each threshold (every threshold is a
 * bucket bound), as docs/slo.md prescribes.
 */
export function evaluateSlo(scrapes: readonly (readonly Sample[])[], objectives: SloObjectives = DOCUMENTED_OBJECTIVES): SloReport {
  if (scrapes.length < 2) throw new Error('Two scrapes at least: one before the load, one after');
  const first = scrapes[0]!;
  const last = scrapes.at(-1)!;
  const delta = (name: string, match: Parameters<typeof sumSamples>[2]) => sumSamples(last, name, match) - sumSamples(first, name, match);
  const checks: SloCheck[] = [];

  for (const objective of objectives.latency) {
    const routeClass = objective.routeClass;
    const count = delta('http_request_duration_seconds_count', { route_class: routeClass });
    const quantiles: Array<[string, number, number]> = [
      ['p95', 0.95, objective.p95Seconds],
      ['p99', 0.99, objective.p99Seconds],
    ];
    for (const [label, share, threshold] of quantiles) {
      const under = delta('http_request_duration_seconds_bucket', { route_class: routeClass, le: (le) => bucketBound(le) === threshold });
      const indicator = `${routeClass} ${label}`;
      const target = `≤ ${formatSeconds(threshold)} for ${share * 100} %`;
      if (count < objectives.minRequestsPerClass) {
        checks.push({ indicator, objective: target, measured: `${count} requests`, verdict: 'not_enough_traffic' });
        continue;
      }
      const estimate = estimateQuantile(first, last, routeClass, share);
      checks.push({
        indicator,
        objective: target,
        measured: `${formatPercent(under / count)} under (${label} ≈ ${formatSeconds(estimate)}, ${count} requests)`,
        verdict: under / count >= share ? 'pass' : 'fail',
      });
    }
  }

  const answered = delta('http_requests_total', { route_class: (c) => !EXCLUDED_CLASSES.has(c) });
  const errors = delta('http_requests_total', { route_class: (c) => !EXCLUDED_CLASSES.has(c), status_code: (s) => s.startsWith('5') });
  checks.push({
    indicator: '5xx ratio',
    objective: `≤ ${formatPercent(objectives.max5xxRatio)}`,
    measured: answered === 0 ? 'no request' : `${formatPercent(errors / answered)} (${errors} of ${answered})`,
    verdict: answered === 0 ? 'not_enough_traffic' : errors / answered <= objectives.max5xxRatio ? 'pass' : 'fail',
  });

  const lag = Math.max(0, ...scrapes.flatMap((scrape) => scrape.filter((s) => s.name === 'job_queue_oldest_waiting_seconds').map((s) => s.value)));
  checks.push({
    indicator: 'job lag (oldest waiting job)',
    objective: `≤ ${objectives.maxOldestWaitingSeconds} s`,
    measured: `${lag.toFixed(1)} s`,
    verdict: lag <= objectives.maxOldestWaitingSeconds ? 'pass' : 'fail',
  });

  for (const queue of queuesIn(last)) {
    const total = delta('jobs_processed_total', { queue });
    if (total === 0) continue;
    const failed = delta('jobs_processed_total', { queue, outcome: 'failed' });
    checks.push({
      indicator: `job failures, ${queue}`,
      objective: `≤ ${formatPercent(objectives.maxJobFailureRatio)}`,
      measured: `${formatPercent(failed / total)} (${failed} of ${total})`,
      verdict: failed / total <= objectives.maxJobFailureRatio ? 'pass' : 'fail',
    });
  }
  return { checks, passed: checks.every((check) => check.verdict !== 'fail') };
}

function queuesIn(samples: readonly Sample[]): string[] {
  return [...new Set(samples.filter((s) => s.name === 'jobs_processed_total').map((s) => s.labels.queue ?? ''))].sort();
}

/** `le` label of a bucket: a number, or `+Inf` (which Number() does not read). */
function bucketBound(le: string): number {
  return le === '+Inf' ? Infinity : Number(le);
}

/** Linear interpolation inside the bucket, like PromQL's histogram_quantile; for display only. */
function estimateQuantile(first: readonly Sample[], last: readonly Sample[], routeClass: string, quantile: number): number {
  const bounds = [...new Set(last.filter((s) => s.name === 'http_request_duration_seconds_bucket').map((s) => s.labels.le ?? ''))]
    .map(bucketBound)
    .sort((a, b) => a - b);
  const cumulative = bounds.map((bound) => {
    const match = { route_class: routeClass, le: (le: string) => bucketBound(le) === bound };
    return sumSamples(last, 'http_request_duration_seconds_bucket', match) - sumSamples(first, 'http_request_duration_seconds_bucket', match);
  });
  const total = cumulative.at(-1) ?? 0;
  const rank = quantile * total;
  for (let i = 0; i < bounds.length; i += 1) {
    if (cumulative[i]! >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1]!;
      const below = i === 0 ? 0 : cumulative[i - 1]!;
      if (!Number.isFinite(bounds[i]!)) return lower;
      const inBucket = cumulative[i]! - below;
      return inBucket === 0 ? lower : lower + ((bounds[i]! - lower) * (rank - below)) / inBucket;
    }
  }
  return NaN;
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${Number(seconds.toFixed(2))} s`;
}

function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))} %`;
}

/** The table `npm run slo` prints (Markdown, so it pastes into a pull request or docs/perf.md). */
export function formatSloReport(report: SloReport): string {
  const verdicts: Record<Verdict, string> = { pass: 'ok', fail: 'FAILED', not_enough_traffic: 'not enough traffic' };
  const lines = ['| Indicator | Objective | Measured | Verdict |', '|---|---|---|---|'];
  for (const check of report.checks) lines.push(`| ${check.indicator} | ${check.objective} | ${check.measured} | ${verdicts[check.verdict]} |`);
  lines.push('', report.passed ? 'SLO gate: passed.' : 'SLO gate: FAILED (see the rows marked FAILED).');
  return lines.join('\n');
}
