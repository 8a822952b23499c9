import { describe, expect, it } from 'vitest';
import { createMetrics, type Metrics, type QueueSnapshot } from '../../observability/metrics.js';
import { parsePrometheusText, type Sample } from './prometheus-text.js';
import { DOCUMENTED_OBJECTIVES, evaluateSlo, formatSloReport, type SloReport } from './slo-evaluation.js';

/**
 * The gate is fed figures, not timings: each case records chosen durations in a real metrics
 * registry (the one the server uses), scrapes its text before and after, and evaluates.
 */
async function scrape(metrics: Metrics): Promise<Sample[]> {
  return parsePrometheusText(await metrics.registry.metrics());
}

function record(metrics: Metrics, routeClass: 'read_by_id' | 'collection' | 'write', count: number, seconds: number, statusCode = 200): void {
  for (let i = 0; i < count; i += 1) {
    metrics.observeHttp({ method: routeClass === 'write' ? 'POST' : 'GET', route: `/api/v1/${routeClass}`, routeClass, statusCode, durationSeconds: seconds });
  }
}

function verdictOf(report: SloReport, indicator: string): string | undefined {
  return report.checks.find((check) => check.indicator === indicator)?.verdict;
}

async function run(load: (metrics: Metrics) => void, queues: QueueSnapshot[] = []): Promise<SloReport> {
  const metrics = createMetrics({ processMetrics: false });
  metrics.setQueueStatsSource(async () => queues);
  // Traffic before the first scrape belongs to another window and must not count.
  record(metrics, 'read_by_id', 500, 5);
  const before = await scrape(metrics);
  load(metrics);
  return evaluateSlo([before, await scrape(metrics)]);
}

describe('SLO gate evaluation', () => {
  it('passes when every class is within its thresholds and reports classes without traffic apart', async () => {
    const report = await run((metrics) => {
      record(metrics, 'read_by_id', 990, 0.004);
      record(metrics, 'read_by_id', 10, 0.09);
      record(metrics, 'collection', 200, 0.03);
      record(metrics, 'write', 20, 0.02);
      metrics.observeJob({ queue: 'audit.seal', durationSeconds: 0.1, outcome: 'completed' });
    });
    expect(report.passed).toBe(true);
    expect(verdictOf(report, 'read_by_id p95')).toBe('pass');
    expect(verdictOf(report, 'read_by_id p99')).toBe('pass');
    expect(verdictOf(report, 'write p95')).toBe('not_enough_traffic');
    expect(verdictOf(report, '5xx ratio')).toBe('pass');
    expect(verdictOf(report, 'job failures, audit.seal')).toBe('pass');
    expect(formatSloReport(report)).toContain('| read_by_id p95 | ≤ 50 ms for 95 % | 99 % under (p95 ≈ 5 ms, 1000 requests) | ok |');
  });

  it('fails a class whose share under the p95 threshold is below 95 %, counting only the window', async () => {
    const report = await run((metrics) => {
      record(metrics, 'read_by_id', 940, 0.004);
      record(metrics, 'read_by_id', 60, 0.08);
    });
    expect(verdictOf(report, 'read_by_id p95')).toBe('fail');
    expect(verdictOf(report, 'read_by_id p99')).toBe('pass');
    expect(report.passed).toBe(false);
    expect(formatSloReport(report)).toMatch(/read_by_id p95 .* 94 % under .* FAILED/);
  });

  it('fails on a 5xx ratio above 0.1 %, internal routes excluded', async () => {
    const report = await run((metrics) => {
      record(metrics, 'collection', 998, 0.01);
      record(metrics, 'collection', 2, 0.01, 503);
      metrics.observeHttp({ method: 'GET', route: '/readyz', routeClass: 'internal', statusCode: 503, durationSeconds: 0.001 });
    });
    expect(report.checks.find((c) => c.indicator === '5xx ratio')).toMatchObject({ verdict: 'fail', measured: '0.2 % (2 of 1000)' });
  });

  it('fails on a queue lagging more than 60 s and on a queue failing more than 1 % of its jobs', async () => {
    const report = await run(
      (metrics) => {
        for (let i = 0; i < 98; i += 1) metrics.observeJob({ queue: 'crm.import', durationSeconds: 1, outcome: 'completed' });
        metrics.observeJob({ queue: 'crm.import', durationSeconds: 1, outcome: 'failed' });
        metrics.observeJob({ queue: 'crm.import', durationSeconds: 1, outcome: 'failed' });
      },
      [{ queue: 'crm.import', waiting: 40, oldestWaitingSeconds: 75 }],
    );
    expect(verdictOf(report, 'job lag (oldest waiting job)')).toBe('fail');
    expect(verdictOf(report, 'job failures, crm.import')).toBe('fail');
    expect(report.passed).toBe(false);
  });

  it('reads the thresholds of docs/slo.md', () => {
    expect(DOCUMENTED_OBJECTIVES.latency.find((o) => o.routeClass === 'read_by_id')).toMatchObject({ p95Seconds: 0.05, p99Seconds: 0.1 });
    expect(DOCUMENTED_OBJECTIVES.max5xxRatio).toBe(0.001);
  });
});

describe('Prometheus text parsing', () => {
  it('reads labels with escapes, +Inf and timestamps, and skips comments', () => {
    const samples = parsePrometheusText(
      ['# HELP x A metric.', '# TYPE x counter', 'x{route="/a\\"b",le="+Inf"} 3', 'y 1.5 1700000000000', ''].join('\n'),
    );
    expect(samples).toEqual([
      { name: 'x', labels: { route: '/a"b', le: '+Inf' }, value: 3 },
      { name: 'y', labels: {}, value: 1.5 },
    ]);
  });
});
