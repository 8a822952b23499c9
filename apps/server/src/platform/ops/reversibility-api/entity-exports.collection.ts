import { defineCollection } from '../../http/collection.js';
import { ENTITY_EXPORT_STATUSES, entityExports } from './entity-exports.tables.js';

/** Filters, sort and paging of `GET /api/v1/entity-exports` (the shared collection conventions). */
export const entityExportCollection = defineCollection({
  name: 'entity-exports',
  id: entityExports.id,
  fields: {
    status: { column: entityExports.status, type: 'enum', values: ENTITY_EXPORT_STATUSES, filter: ['eq', 'in'], description: 'Status of the export' },
    entityId: { column: entityExports.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Entity exported' },
    createdAt: { column: entityExports.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Request' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 25,
});
