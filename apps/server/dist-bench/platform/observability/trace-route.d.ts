import type { FastifyInstance } from 'fastify';
/** Set by instrument.ts once the tracer runs, so that the app can tell a forgotten preload. */
export declare const TRACING_STARTED: unique symbol;
/**
 * Names each HTTP server span by method and route template and replaces its raw path with the
 * template (paths may hold personal data on unmatched URLs); adds the request and user ids.
 * Registered only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export declare function registerTraceRoute(app: FastifyInstance): Promise<void>;
