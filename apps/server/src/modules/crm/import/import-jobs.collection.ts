import { defineCollection } from '../../../platform/http/collection.js';
import { IMPORT_JOB_STATUSES, importJobs } from './import-jobs.tables.js';

/** Filters, sort and paging of `GET /api/v1/imports` (the shared collection conventions). */
export const importJobCollection = defineCollection({
  name: 'imports',
  id: importJobs.id,
  fields: {
    status: { column: importJobs.status, type: 'enum', values: IMPORT_JOB_STATUSES, filter: ['eq', 'in'], description: 'Status of the import' },
    entityId: { column: importJobs.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Entity the import is for' },
    createdAt: { column: importJobs.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Upload' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 25,
});
