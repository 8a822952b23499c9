import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import type { AppConfig } from '../config/index.js';
import type { Database } from '../db/index.js';
import { MessageBus } from './bus.js';
import { registerJobRoutes } from './jobs.routes.js';
import { readQueueStats } from './jobs.repository.js';
import { JobsAdminService } from './jobs.service.js';
import { purgeProcessedMessages, PURGE_PROCESSED_MESSAGES } from './processed-messages.purge.js';

/**
 * The app's bus: modules register messages and handlers on it while the app is built, then buildApp
 * starts it. It stops on preClose (before the pool closes: onClose hooks run last registered
 * first), letting running jobs finish.
 */
export function createBus(app: FastifyInstance, config: AppConfig, database: Database): MessageBus {
  const bus = new MessageBus({
    database,
    role: config.role,
    logger: app.log,
    heartbeatSeconds: config.bus.heartbeatSeconds,
    superviseIntervalSeconds: config.bus.superviseIntervalSeconds,
  });
  app.addHook('preClose', () => bus.stop());
  return bus;
}

/** Metrics feed, the platform's own jobs and the job administration API (national staff). */
export function registerBus(app: FastifyInstance, context: AppContext): void {
  const { bus, database, metrics } = context;
  bus.onJobSettled((event) =>
    metrics.observeJob({ queue: event.queue, durationSeconds: event.durationMs / 1000, outcome: event.outcome === 'completed' ? 'completed' : 'failed' }),
  );
  metrics.setQueueStatsSource(async () => (bus.started ? readQueueStats(database.pool) : []));
  bus.handle(PURGE_PROCESSED_MESSAGES, () => purgeProcessedMessages(database));
  bus.schedule(PURGE_PROCESSED_MESSAGES, '17 3 * * *', {});
  registerJobRoutes(app, new JobsAdminService(database, bus));
}
