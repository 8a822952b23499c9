import type { Span } from '@opentelemetry/api';

/** Probes and scrapes would be most spans and say nothing. */
const UNTRACED_PATHS = new Set(['/livez', '/readyz', '/metrics']);

/** Attributes that would carry personal data: query strings, client addresses. */
const SCRUBBED_HTTP_ATTRIBUTES = ['url.query', 'client.address', 'network.peer.address', 'network.peer.port', 'http.client_ip'];

/** Hex digests inlined into SQL (token and session lookups): not secrets, but lookup keys to keep out of traces. */
const INLINED_DIGEST = /'[0-9a-f]{64}'/g;

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
export async function startTracing({ endpoint, serviceName = 'maillage' }: TracingOptions): Promise<() => Promise<void>> {
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { registerInstrumentations }, { HttpInstrumentation }, { PgInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/instrumentation'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-pg'),
    ]);
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
        // Outgoing calls too: a provider's query string may hold an API key.
        requestHook: (span) => scrub(span),
      }),
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        requestHook: (span, { query }) => {
          span.setAttribute('db.query.text', query.text.replace(INLINED_DIGEST, "'…'"));
          span.setAttribute('db.statement', query.text.replace(INLINED_DIGEST, "'…'"));
        },
      }),
    ],
  });
  return () => provider.shutdown();
}

/** The raw path is replaced by the route template once routed (registerTraceRoute); query strings and client addresses never stay. */
function scrub(span: Span): void {
  for (const attribute of SCRUBBED_HTTP_ATTRIBUTES) span.setAttribute(attribute, '');
}
