import { sql } from 'drizzle-orm';
import { defineCollection } from '../../../platform/http/collection.js';
import { CONTENT_KINDS, CONTENT_STATUSES, CONTENT_VISIBILITIES, cmsContents } from './contents.tables.js';

/** Filters, sort and paging of `GET /api/v1/cms/contents`. */
export const contentCollection = defineCollection({
  name: 'cmsContents',
  id: cmsContents.id,
  fields: {
    siteId: { column: cmsContents.siteId, type: 'uuid', filter: ['eq', 'in'], description: 'Site' },
    entityId: { column: cmsContents.entityId, type: 'uuid', filter: ['eq'], description: 'Owning entity (the site\'s)' },
    kind: { column: cmsContents.kind, type: 'enum', values: CONTENT_KINDS, filter: ['eq', 'in'], description: 'page, article or document' },
    status: { column: cmsContents.status, type: 'enum', values: CONTENT_STATUSES, filter: ['eq', 'in'], description: 'Workflow state of the working copy' },
    visibility: { column: cmsContents.visibility, type: 'enum', values: CONTENT_VISIBILITIES, filter: ['eq'], description: 'public or members' },
    live: { column: sql`(${cmsContents.publishedRevisionId} IS NOT NULL)`, type: 'boolean', filter: ['eq'], description: 'A revision is published' },
    parentId: { column: cmsContents.parentId, type: 'uuid', filter: ['eq'], description: 'Parent page' },
    featured: { column: cmsContents.featured, type: 'boolean', filter: ['eq'], description: 'Featured' },
    title: { column: cmsContents.title, type: 'string', filter: ['contains'], sort: true, description: 'Title of the working copy' },
    path: { column: cmsContents.path, type: 'string', filter: ['eq'], sort: true, description: 'Site-relative path' },
    publishAt: { column: cmsContents.publishAt, type: 'date-time', filter: ['gte', 'lte'], description: 'Scheduled publication' },
    updatedAt: { column: cmsContents.updatedAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Last change' },
    createdAt: { column: cmsContents.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
  },
  defaultSort: '-updatedAt',
  defaultLimit: 25,
});
