import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerAuditRoutes } from './audit-events.routes.js';
import { registerAuditJobs } from './audit.jobs.js';

/** The audit trail's HTTP API and its sealing job. */
export function registerAudit(app: FastifyInstance, context: AppContext): void {
  registerAuditRoutes(app, context);
  registerAuditJobs(context.bus, context.database);
}
