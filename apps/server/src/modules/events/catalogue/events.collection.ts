import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineCollection } from '../../../platform/http/collection.js';
import { EVENT_STATUSES, EVENT_VISIBILITIES, events } from './events.tables.js';

/** Filters, sort and paging of `GET /api/v1/events` (the shared collection conventions). */
export const eventCollection = defineCollection({
  name: 'events',
  id: events.id,
  fields: {
    status: { column: events.status, type: 'enum', values: EVENT_STATUSES, filter: ['eq', 'in'], description: 'Status' },
    visibility: { column: events.visibility, type: 'enum', values: EVENT_VISIBILITIES, filter: ['eq'], description: 'Visibility' },
    entityId: { column: events.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Organising entity' },
    title: { column: events.title, type: 'string', filter: ['contains'], description: 'Title' },
    startsAt: { column: events.startsAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Start' },
    createdAt: { column: events.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
    // What `when` turns into, so that the period is bound into cursors like any filter.
    ended: { column: sql`(${events.endsAt} < now())`, type: 'boolean', filter: ['eq'], description: 'The event is over (`when=past`); false: not ended yet (`when=upcoming`)' },
  },
  defaultSort: 'startsAt',
  defaultLimit: 50,
  extraParameters: {
    when: Type.Optional(
      Type.Union([Type.Literal('upcoming'), Type.Literal('past')], {
        description: '`upcoming`: not ended yet (ends at or after now); `past`: ended. Shorthand for `filter[ended]=false|true`.',
      }),
    ),
  },
});
