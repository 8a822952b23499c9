import { sql } from 'drizzle-orm';
import { defineCollection } from '../../../platform/http/collection.js';
import { persons } from './persons.tables.js';

/** Folded "last first" name, the expression of the trigram index (migration 0014). */
export const FOLDED_FULL_NAME = sql`immutable_unaccent(lower(${persons.lastName} || ' ' || coalesce(${persons.firstName}, '')))`;

/**
 * Filters, sort and paging of `GET /api/v1/persons`. `name`, `email` and `organizationId` are declared
 * here (validated, documented, bound into cursors) and written by the repository: accent-folded name,
 * EXISTS over the addresses and over the affiliations (see fetchPersonPage).
 */
export const personCollection = defineCollection({
  name: 'persons',
  id: persons.id,
  fields: {
    lastName: { column: persons.lastName, type: 'string', sort: true, description: 'Last name' },
    name: { column: FOLDED_FULL_NAME, type: 'string', filter: ['contains'], description: 'Every word found in the last or first name, accents and case ignored' },
    email: { column: persons.id, type: 'string', filter: ['eq'], description: 'One of the addresses of the person' },
    organizationId: { column: persons.id, type: 'uuid', filter: ['eq'], description: 'Affiliated to this company' },
    entityId: { column: persons.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Entity the contact belongs to (exactly, not its subtree)' },
    createdAt: { column: persons.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
    retentionFlaggedAt: {
      column: persons.retentionFlaggedAt,
      type: 'date-time',
      filter: ['gte', 'lte'],
      description: 'Flagged by the retention job (any date: every contact in its notice period)',
    },
  },
  defaultSort: 'lastName',
  defaultLimit: 50,
});
