import type { FastifyInstance } from 'fastify';
import type {} from '../auth/principal.js';
import { routeTemplate } from './request-log.js';

/** Set by instrument.ts once the tracer runs, so that the app can tell a forgotten preload. */
export const TRACING_STARTED = Symbol.for('maillage.tracing.started');

/**
 * Names each HTTP server span by method and route template and replaces its raw path with the
 * template (paths may hold personal data on unmatched URLs); adds the request and user ids.
 * Registered only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
export async function registerTraceRoute(app: FastifyInstance): Promise<void> {
  if (!(globalThis as Record<symbol, unknown>)[TRACING_STARTED]) {
    app.log.warn('OTEL_EXPORTER_OTLP_ENDPOINT is set but tracing was not started: run node with --import <dist>/platform/observability/instrument.js');
    return;
  }
  const { trace } = await import('@opentelemetry/api');
  // onSend, not onRequest: a wildcard route may hand over to the 404 handler (callNotFound), and
  // the principal is known by then. The span is still open (it ends when the response finishes).
  app.addHook('onSend', (request, _reply, payload, done) => {
    const span = trace.getActiveSpan();
    if (span) {
      const route = routeTemplate(request);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'url.path': route, 'maillage.request_id': request.id });
      const userId = request.principal?.userId;
      if (userId) span.setAttribute('enduser.id', userId);
    }
    done(null, payload);
  });
}
