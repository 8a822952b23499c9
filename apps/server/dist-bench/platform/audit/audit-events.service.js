import { withTransaction } from '../db/index.js';
import { findAuditEventPage } from './audit-events.repository.js';
/**
 * Events visible to a scope: those of entities in its subtrees, plus network-wide ones (no entity)
 * when the scope includes the national office. The database policy decides (audit_events_read),
 * so every other read path of the table obeys the same rule.
 */
export function listAuditEvents(database, scope, query) {
    return withTransaction(database, scope, (tx) => findAuditEventPage(tx, query), { readOnly: true });
}
//# sourceMappingURL=audit-events.service.js.map