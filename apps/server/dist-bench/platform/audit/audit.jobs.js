import { Type } from 'typebox';
import { defineMessage } from '../bus/index.js';
import { sealAuditEvents } from './audit-chain.js';
/**
 * Links new audit events to the hash chain. Every minute: that is the longest an event stays
 * unprotected by the chain (plus the time its own transaction takes to commit).
 */
export const SEAL_AUDIT_CHAIN = defineMessage({ name: 'audit.seal-chain', schema: Type.Object({}), retryLimit: 1, deadLetter: false, expireInSeconds: 10 * 60 });
export const SEAL_SCHEDULE = '* * * * *';
export function registerAuditJobs(bus, database) {
    bus.handle(SEAL_AUDIT_CHAIN, async () => {
        await sealAuditEvents(database);
    });
    bus.schedule(SEAL_AUDIT_CHAIN, SEAL_SCHEDULE, {});
}
//# sourceMappingURL=audit.jobs.js.map