export { recordAudit, auditActorFrom, SYSTEM_ACTOR } from './record-audit.js';
export { registerSensitiveFields, MASKED } from './sensitive-fields.js';
export { diffChanges } from './changes.js';
export { sealAuditEvents, verifyAuditChain } from './audit-chain.js';
export { registerAuditRoutes } from './audit-events.routes.js';
export { listAuditEvents } from './audit-events.service.js';
export { auditEventCollection } from './audit-events.collection.js';
export { AuditEventSchema } from './audit-events.schema.js';
export { registerAudit } from './register-audit.js';
export { SEAL_AUDIT_CHAIN } from './audit.jobs.js';
//# sourceMappingURL=index.js.map