import type { FastifyInstance } from 'fastify';
import type { MessageBus } from '../bus/index.js';
import type { AppConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { registerDeprecation } from './deprecation.js';
import { registerIdempotency } from './idempotency.js';
import { registerIdempotencyJobs } from './idempotency.jobs.js';
import { registerMergePatchParser } from './merge-patch.js';
import { registerOpenApi } from './openapi.js';
import { registerSecurity } from './security.js';

/**
 * The HTTP conventions every route gets: security headers and CORS, merge-patch bodies, deprecation
 * headers, Idempotency-Key on POST, and the OpenAPI document. Register before any route: the
 * deprecation and idempotency `onRoute` hooks must run before @fastify/swagger records the route.
 */
export async function registerHttpConventions(app: FastifyInstance, context: { config: AppConfig; database: Database; bus: MessageBus }): Promise<void> {
  await registerSecurity(app, context.config);
  registerMergePatchParser(app);
  registerDeprecation(app);
  registerIdempotency(app, context.database);
  registerIdempotencyJobs(context.bus, context.database);
  await registerOpenApi(app);
}
