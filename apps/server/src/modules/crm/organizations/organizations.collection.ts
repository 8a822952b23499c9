import { defineCollection } from '../../../platform/http/collection.js';
import { LINK_STATUSES, organizationLinks, organizations } from './organizations.tables.js';

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
    // Declared here so that it is validated, documented and bound into cursors like the others; the
    // repository turns it into an EXISTS over the caller's own links (see fetchOrganizationPage).
    status: {
      column: organizationLinks.status,
      type: 'enum',
      values: LINK_STATUSES,
      filter: ['eq'],
      description: "Status of the company for YOUR entities (other branches' statuses never count)",
    },
  },
  defaultSort: 'name',
  defaultLimit: 50,
});
