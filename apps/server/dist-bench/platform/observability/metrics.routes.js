import { createHash, timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import { UnauthenticatedError } from '../http/errors.js';
import { classifyRoute } from './route-class.js';
import { routeTemplate } from './request-log.js';
/**
 * Records every answered request in the HTTP metrics and serves /metrics. Without METRICS_TOKEN
 * the endpoint is open, for a scraper on the private network (it shows route templates and
 * counts, no personal data); with it, a scraper sends `Authorization: Bearer <token>`.
 */
const METRICS_ROUTE = '/metrics';
export function registerMetrics(app, metrics, metricsToken) {
    app.decorate('metrics', metrics);
    app.addHook('onResponse', (request, reply, done) => {
        const route = routeTemplate(request);
        metrics.observeHttp({
            method: request.method,
            route,
            routeClass: classifyRoute({
                method: request.method,
                route,
                query: request.query,
                contentType: reply.getHeader('content-type'),
                declared: request.routeOptions.config?.sloClass,
            }),
            statusCode: reply.statusCode,
            durationSeconds: reply.elapsedTime / 1000,
        });
        done();
    });
    const expected = metricsToken === undefined ? undefined : digest(metricsToken);
    const scrape = async (request, reply) => {
        if (expected && !presentsToken(request, expected)) {
            throw new UnauthenticatedError('Reading metrics requires the metrics bearer token.', 'metrics_token_required');
        }
        return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    };
    // The user authentication hook (registered later) refuses any bearer that is not a personal
    // access token: answer the scrape before it runs, so it never sees the scraper's token.
    app.addHook('onRequest', async (request, reply) => {
        if (request.routeOptions.url === METRICS_ROUTE && request.method === 'GET')
            return scrape(request, reply);
    });
    app.get(METRICS_ROUTE, { schema: { hide: true, response: { 200: Type.String(), 401: ProblemSchema } } }, scrape);
}
function presentsToken(request, expected) {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer '))
        return false;
    // Compare digests: equal lengths for timingSafeEqual, and no early exit on the first differing byte.
    return timingSafeEqual(digest(header.slice('Bearer '.length).trim()), expected);
}
function digest(value) {
    return createHash('sha256').update(value).digest();
}
//# sourceMappingURL=metrics.routes.js.map