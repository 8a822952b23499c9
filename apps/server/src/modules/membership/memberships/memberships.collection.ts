import { defineCollection } from '../../../platform/http/collection.js';
import { MEMBERSHIP_STATUSES, memberships } from './memberships.tables.js';

/** Filters, sort and paging of `GET /api/v1/memberships`. */
export const membershipCollection = defineCollection({
  name: 'memberships',
  id: memberships.id,
  fields: {
    status: { column: memberships.status, type: 'enum', values: MEMBERSHIP_STATUSES, filter: ['eq', 'in'], description: 'Status' },
    entityId: { column: memberships.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'The entity joined (not its descendants)' },
    organizationId: { column: memberships.organizationId, type: 'uuid', filter: ['eq'], description: 'The member company (its memberships cover its affiliated contacts)' },
    typeId: { column: memberships.typeId, type: 'uuid', filter: ['eq'], description: 'Member type' },
    startedOn: { column: memberships.startedOn, type: 'date', filter: ['gte', 'lte'], sort: true, description: 'Join date' },
    createdAt: { column: memberships.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 50,
});
