import { defineCollection } from '../../../platform/http/collection.js';
import { cmsSites } from './sites.tables.js';

/** Filters, sort and paging of `GET /api/v1/cms/sites`. */
export const siteCollection = defineCollection({
  name: 'cmsSites',
  id: cmsSites.id,
  fields: {
    entityId: { column: cmsSites.entityId, type: 'uuid', filter: ['eq'], description: 'Owning entity' },
    slug: { column: cmsSites.slug, type: 'string', filter: ['eq'], sort: true, description: 'Slug' },
    name: { column: cmsSites.name, type: 'string', filter: ['contains'], sort: true, description: 'Name' },
    createdAt: { column: cmsSites.createdAt, type: 'date-time', sort: true, description: 'Creation' },
  },
  defaultSort: 'name',
  defaultLimit: 50,
});
