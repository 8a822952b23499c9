import type { Registry } from 'prom-client';
import type { HttpObservation } from './metrics.js';

interface Series {
  labels: Record<string, string>;
  /** Requests per bucket, not cumulative: index i counts durations in (bound[i-1], bound[i]]; the last is +Inf. */
  buckets: Float64Array;
  sum: number;
  count: number;
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * `http_request_duration_seconds` (histogram) and `http_requests_total` (counter), exposed by the
 * app's prom-client registry in the same text format. prom-client's own `observe` validates and
 * hashes the label set on every call, label-bound children included; every request pays for it
 * twice (ADR 0027). Here a request costs one map lookup, a bucket search and three additions; the
 * exposition is computed when /metrics is scraped.
 */
export class HttpRequestMetrics {
  private readonly series = new Map<string, Series>();

  constructor(
    registry: Registry,
    private readonly bounds: readonly number[],
  ) {
    const metric = (name: string, help: string, type: 'histogram' | 'counter', values: () => Sample[]) => ({
      name,
      help,
      type,
      aggregator: 'sum' as const,
      get: () => Promise.resolve({ name, help, type, aggregator: 'sum' as const, values: values() }),
      reset: () => this.series.clear(),
    });
    registry.registerMetric(
      metric('http_request_duration_seconds', 'HTTP request duration from receipt to response sent, by route template.', 'histogram', () => this.durationSamples()) as never,
    );
    registry.registerMetric(metric('http_requests_total', 'HTTP requests answered, by route template and status.', 'counter', () => this.countSamples()) as never);
  }

  observe({ method, route, routeClass, statusCode, durationSeconds }: HttpObservation): void {
    const key = `${method} ${statusCode} ${routeClass} ${route}`;
    let series = this.series.get(key);
    if (!series) {
      series = { labels: { method, route, route_class: routeClass, status_code: String(statusCode) }, buckets: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    let bucket = 0;
    while (bucket < this.bounds.length && durationSeconds > this.bounds[bucket]!) bucket += 1;
    series.buckets[bucket]! += 1;
    series.sum += durationSeconds;
    series.count += 1;
  }

  private durationSamples(): Sample[] {
    const samples: Sample[] = [];
    for (const { labels, buckets, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += buckets[index]!;
        samples.push({ metricName: 'http_request_duration_seconds_bucket', labels: { le: bound, ...labels }, value: cumulative });
      });
      samples.push({ metricName: 'http_request_duration_seconds_bucket', labels: { le: '+Inf', ...labels }, value: count });
      samples.push({ metricName: 'http_request_duration_seconds_sum', labels, value: sum });
      samples.push({ metricName: 'http_request_duration_seconds_count', labels, value: count });
    }
    return samples;
  }

  private countSamples(): Sample[] {
    return [...this.series.values()].map(({ labels, count }) => ({ metricName: 'http_requests_total', labels, value: count }));
  }
}
