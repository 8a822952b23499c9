import { defineCollection } from '../../../platform/http/collection.js';
import { SEGMENT_TARGETS, segments } from './segments.tables.js';

/** Filters, sort and paging of `GET /api/v1/segments`. */
export const segmentCollection = defineCollection({
  name: 'segments',
  id: segments.id,
  fields: {
    target: { column: segments.target, type: 'enum', values: SEGMENT_TARGETS, filter: ['eq'], description: 'Target list' },
    entityId: { column: segments.entityId, type: 'uuid', filter: ['eq'], description: 'Owning entity' },
    name: { column: segments.name, type: 'string', filter: ['contains'], sort: true, description: 'Name' },
    createdAt: { column: segments.createdAt, type: 'date-time', sort: true, description: 'Creation' },
  },
  defaultSort: 'name',
  defaultLimit: 50,
});
