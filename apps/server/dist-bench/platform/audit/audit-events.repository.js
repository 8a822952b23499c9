import { getTableColumns } from 'drizzle-orm';
import { fetchPage } from '../http/collection-sql.js';
import { auditEventCollection } from './audit-events.collection.js';
import { auditEvents } from './audit-events.tables.js';
// The hash is for the verifier only; the position tells a reader whether an event is sealed yet.
const { chainHash: _chainHash, ...listedColumns } = getTableColumns(auditEvents);
/** One page of events; row-level security limits it to the transaction's scope. */
export async function findAuditEventPage(tx, query) {
    const page = await fetchPage(tx, auditEventCollection, query, { table: auditEvents, columns: listedColumns });
    return { ...page, items: page.items.map(toAuditEvent) };
}
function toAuditEvent(row) {
    return {
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actorUserId: row.actorUserId,
        entityId: row.entityId,
        action: row.action,
        resourceType: row.resourceType,
        resourceId: row.resourceId,
        changes: (row.changes ?? null),
        requestId: row.requestId,
        ip: row.ip,
        chainPosition: row.chainPosition,
    };
}
//# sourceMappingURL=audit-events.repository.js.map