import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';
declare module 'fastify' {
    interface FastifyInstance {
        /** This app's metrics (also in AppContext), for plugins that record their own (job bus). */
        metrics: Metrics;
    }
}
export declare function registerMetrics(app: FastifyInstance, metrics: Metrics, metricsToken: string | undefined): void;
