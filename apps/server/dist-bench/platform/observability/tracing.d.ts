export interface TracingOptions {
    /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT); spans go to `<endpoint>/v1/traces`. */
    endpoint: string;
    serviceName?: string;
}
/**
 * Starts OpenTelemetry tracing: a span per HTTP request (named by route template, see
 * registerTraceRoute) and per PostgreSQL query, exported in batches over OTLP/HTTP. Must run before
 * `pg` and `node:http` are loaded, hence the preload entry (instrument.ts). Returns shutdown,
 * which flushes pending spans.
 */
export declare function startTracing({ endpoint, serviceName }: TracingOptions): Promise<() => Promise<void>>;
