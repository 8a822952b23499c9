import { defineCollection } from '../../../platform/http/collection.js';
import { TASK_STATUSES, tasks } from './tasks.tables.js';

/** Filters, sort and paging of `GET /api/v1/tasks` (`filter[dueOn][lte]=…` lists what is due before a date). */
export const taskCollection = defineCollection({
  name: 'tasks',
  id: tasks.id,
  fields: {
    status: { column: tasks.status, type: 'enum', values: TASK_STATUSES, filter: ['eq', 'in'], description: 'Status' },
    entityId: { column: tasks.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Entity' },
    dueOn: { column: tasks.dueOn, type: 'date', filter: ['gte', 'lte'], sort: true, description: 'Due date' },
    assigneeUserId: { column: tasks.assigneeUserId, type: 'uuid', filter: ['eq'], description: 'Assignee' },
    relatedKind: { column: tasks.relatedKind, type: 'string', filter: ['eq'], description: 'Kind of the related record (mandate…)' },
    relatedId: { column: tasks.relatedId, type: 'uuid', filter: ['eq'], description: 'Id of the related record' },
    createdAt: { column: tasks.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
  },
  defaultSort: 'dueOn',
  defaultLimit: 50,
});
