import { Type } from 'typebox';
import { defineCollection } from '../../../platform/http/collection.js';
import { cmsContents } from '../contents/contents.tables.js';

/** Filters, sort and paging of `GET /api/v1/public/sites/{slug}/contents`. */
export const publicContentCollection = defineCollection({
  name: 'publicContents',
  id: cmsContents.id,
  fields: {
    kind: { column: cmsContents.kind, type: 'enum', values: ['page', 'article', 'document'], filter: ['eq', 'in'], description: 'Content kind' },
    publishedAt: { column: cmsContents.publishedAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'First publication' },
    path: { column: cmsContents.path, type: 'string', filter: ['eq'], sort: true, description: 'Site-relative path' },
  },
  defaultSort: '-publishedAt',
  defaultLimit: 25,
  maxLimit: 100,
  extraParameters: {
    'filter[category]': Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100, description: 'Articles of the category with this slug' })),
    'filter[tag]': Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Articles carrying this tag' })),
  },
});
