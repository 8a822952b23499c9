import { defineCollection } from '../../../platform/http/collection.js';
import { INTERACTION_KINDS, interactions } from './interactions.tables.js';

/**
 * Filters, sort and paging of `GET /api/v1/interactions` and of the timelines: newest first,
 * by kind and date range (keyset on occurredAt then id).
 */
export const interactionCollection = defineCollection({
  name: 'interactions',
  id: interactions.id,
  fields: {
    kind: { column: interactions.kind, type: 'enum', values: INTERACTION_KINDS, filter: ['eq', 'in'], description: 'Kind of interaction' },
    occurredAt: { column: interactions.occurredAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'When it happened' },
    createdAt: { column: interactions.createdAt, type: 'date-time', sort: true, description: 'When it was recorded' },
    organizationId: { column: interactions.organizationId, type: 'uuid', filter: ['eq'], description: 'Company' },
    personId: { column: interactions.personId, type: 'uuid', filter: ['eq'], description: 'Contact' },
    entityId: { column: interactions.entityId, type: 'uuid', filter: ['eq'], description: 'Owning entity (exactly, not its subtree)' },
    authorUserId: { column: interactions.authorUserId, type: 'uuid', filter: ['eq'], description: 'Author' },
  },
  defaultSort: '-occurredAt',
  defaultLimit: 50,
});
