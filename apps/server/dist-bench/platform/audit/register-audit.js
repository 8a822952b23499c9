import { registerAuditRoutes } from './audit-events.routes.js';
import { registerAuditJobs } from './audit.jobs.js';
/** The audit trail's HTTP API and its sealing job. */
export function registerAudit(app, context) {
    registerAuditRoutes(app, context);
    registerAuditJobs(context.bus, context.database);
}
//# sourceMappingURL=register-audit.js.map