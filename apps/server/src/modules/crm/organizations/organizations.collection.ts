import { Type } from 'typebox';
import { defineCollection } from '../../../platform/http/collection.js';
import { LinkStatusSchema } from './organizations.schema.js';
import { organizations } from './organizations.tables.js';

/** Filters, sort and paging of `GET /api/v1/organizations` (the shared collection conventions). */
export const organizationCollection = defineCollection({
  name: 'organizations',
  id: organizations.id,
  fields: {
    departementCode: { column: organizations.departementCode, type: 'string', filter: ['eq', 'in'], description: 'Département code (69, 2A, 974…)' },
    nafCode: { column: organizations.nafCode, type: 'string', filter: ['eq', 'in'], description: 'NAF code in display form (10.71C)' },
    siren: { column: organizations.siren, type: 'string', filter: ['eq'], description: 'SIREN' },
    name: { column: organizations.name, type: 'string', filter: ['contains'], sort: true, description: 'Name' },
    createdAt: { column: organizations.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
  },
  defaultSort: 'name',
  defaultLimit: 50,
  extraParameters: {
    'filter[status]': Type.Optional(
      Type.Union(LinkStatusSchema.anyOf, {
        description: 'Only companies one of YOUR entities (or their subtree) holds with this status; other branches\' statuses never count.',
      }),
    ),
  },
});
