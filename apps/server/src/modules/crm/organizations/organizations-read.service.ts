import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { fetchOrganizationPage, findOrganizationWithLinks } from './organizations.repository.js';
import type { Organization, SearchHit } from './organizations.schema.js';
import { searchOrganizations as searchRows } from './organizations-search.repository.js';

// Public identity: every reader sees every company. Links: RLS shows the scope's own only. Each read
// is one statement (links aggregated in it), so one round trip with the transaction's opening.

export async function getOrganization(database: Database, scope: DbScope, id: string): Promise<Organization> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const organization = await findOrganizationWithLinks(tx, id);
      if (!organization) throw new NotFoundError('Organization');
      return organization;
    },
    { readOnly: true },
  );
}

export async function listOrganizations(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Organization>> {
  return withTransaction(database, scope, (tx) => fetchOrganizationPage(tx, query), { readOnly: true });
}

export async function searchOrganizations(database: Database, scope: DbScope, q: string, limit: number): Promise<SearchHit[]> {
  return withTransaction(database, scope, (tx) => searchRows(tx, q, limit), { readOnly: true });
}
