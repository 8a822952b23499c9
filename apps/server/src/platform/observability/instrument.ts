/**
 * Preload entry that turns tracing on before the server's modules load (instrumentation must patch
 * `pg` and `node:http` first):
 *   node --import ./apps/server/dist/platform/observability/instrument.js apps/server/dist/main.js
 * Without OTEL_EXPORTER_OTLP_ENDPOINT it returns at once and loads nothing: tracing costs nothing
 * when it is not configured.
 */
import { register } from 'node:module';
import { readSetting } from '../config/env.js';
import { TRACING_STARTED } from './trace-route.js';

const endpoint = readSetting(process.env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
if (endpoint) {
  // ESM imports of CommonJS packages bypass require hooks: intercept `pg` through the loader, and nothing else.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: ['pg'] } });
  const { startTracing } = await import('./tracing.js');
  await startTracing({ endpoint, serviceName: process.env.OTEL_SERVICE_NAME ?? 'maillage' });
  (globalThis as Record<symbol, unknown>)[TRACING_STARTED] = true;
}
