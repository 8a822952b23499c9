import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import { UnauthenticatedError } from '../http/errors.js';
import type { Metrics } from './metrics.js';
import { memoisedClassifier } from './route-class.js';
import { routeTemplate } from './request-log.js';

/**
 * Records every answered request in the HTTP metrics and serves /metrics. Without METRICS_TOKEN
 * the endpoint is open, for a scraper on the private network (it shows route templates and
 * counts, no personal data); with it, a scraper sends `Authorization: Bearer <token>`.
 */
const METRICS_ROUTE = '/metrics';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's metrics (also in AppContext), for plugins that record their own (job bus). */
    metrics: Metrics;
  }
}

export function registerMetrics(app: FastifyInstance, metrics: Metrics, metricsToken: string | undefined): void {
  app.decorate('metrics', metrics);
  const classify = memoisedClassifier();
  app.addHook('onResponse', (request, reply, done) => {
    const options = request.routeOptions;
    const route = routeTemplate(request, options);
    metrics.observeHttp({
      method: request.method,
      route,
      routeClass: classify({
        method: request.method,
        route,
        query: request.query,
        contentType: reply.getHeader('content-type') as string | undefined,
        declared: options.config?.sloClass,
      }),
      statusCode: reply.statusCode,
      durationSeconds: reply.elapsedTime / 1000,
    });
    done();
  });

  const expected = metricsToken === undefined ? undefined : digest(metricsToken);
  const scrape = async (request: FastifyRequest, reply: FastifyReply) => {
    if (expected && !presentsToken(request, expected)) {
      throw new UnauthenticatedError('Reading metrics requires the metrics bearer token.', 'metrics_token_required');
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
  // The scraper's bearer is not a personal access token: the user authentication hook leaves it to this route.
  app.get(METRICS_ROUTE, { config: { authentication: 'route' }, schema: { hide: true, response: { 200: Type.String(), 401: ProblemSchema } } }, scrape);
}

function presentsToken(request: FastifyRequest, expected: Buffer): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  // Compare digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
  return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
