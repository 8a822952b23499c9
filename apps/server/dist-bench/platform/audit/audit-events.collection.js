import { defineCollection } from '../http/collection.js';
import { auditEvents } from './audit-events.tables.js';
/** Filters, sort and paging of `GET /api/v1/audit-events`: newest first by default. */
export const auditEventCollection = defineCollection({
    name: 'auditEvents',
    id: auditEvents.id,
    fields: {
        occurredAt: { column: auditEvents.occurredAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Time of the event' },
        action: { column: auditEvents.action, type: 'string', filter: ['eq', 'in', 'contains'], description: 'Action (e.g. crm.organization.updated)' },
        resourceType: { column: auditEvents.resourceType, type: 'string', filter: ['eq', 'in'], description: 'Type of the resource acted on' },
        resourceId: { column: auditEvents.resourceId, type: 'string', filter: ['eq'], description: 'Id of the resource acted on' },
        actorUserId: { column: auditEvents.actorUserId, type: 'uuid', filter: ['eq'], description: 'User who acted' },
        entityId: { column: auditEvents.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Entity the event belongs to' },
    },
    defaultSort: '-occurredAt',
    defaultLimit: 25,
    maxLimit: 200,
});
//# sourceMappingURL=audit-events.collection.js.map