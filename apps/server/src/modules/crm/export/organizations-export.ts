import type { Database, DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { listOrganizations } from '../organizations/organizations-read.service.js';
import type { Organization } from '../organizations/organizations.schema.js';

export const EXPORT_BATCH_SIZE = 500;

/** Column headers as French staff read them in Excel, and how each is taken from a company. */
export const ORGANIZATION_EXPORT_COLUMNS: ReadonlyArray<readonly [header: string, value: (organization: Organization) => unknown]> = [
  ['SIREN', (o) => o.siren],
  ['Raison sociale', (o) => o.name],
  ['Dénomination légale', (o) => o.legalName],
  ['Code NAF', (o) => o.nafCode],
  ['Nomenclature NAF', (o) => o.nafVersion],
  ['Forme juridique', (o) => o.legalForm],
  ["Tranche d'effectif", (o) => o.headcountBand],
  ['Adresse', (o) => o.address.street],
  ['Code postal', (o) => o.address.postalCode],
  ['Code commune INSEE', (o) => o.address.communeInsee],
  ['Commune', (o) => o.address.communeName],
  ['Département', (o) => o.address.departementCode],
  ['Site web', (o) => o.website],
  ['Téléphone', (o) => o.phone],
  // Status and tags of the exporting caller's own links only: other branches' relations never leave.
  ['Statut', (o) => [...new Set(o.links.map((link) => link.status))].join(' | ')],
  ['Étiquettes', (o) => [...new Set(o.links.flatMap((link) => link.tags))].join(' | ')],
  ['Identifiant', (o) => o.id],
];

/**
 * The companies of the list endpoint for the same filters and sort, page after page (keyset), each
 * page in its own short scoped transaction: memory stays constant and no connection is held while
 * the client downloads.
 */
export async function* organizationExportBatches(database: Database, scope: DbScope, query: CollectionQuery): AsyncGenerator<unknown[][]> {
  let page: CollectionQuery = { ...query, limit: EXPORT_BATCH_SIZE, count: 'none' };
  for (;;) {
    const result = await listOrganizations(database, scope, page);
    yield result.items.map((organization) => ORGANIZATION_EXPORT_COLUMNS.map(([, value]) => value(organization)));
    if (!result.nextAfter) return;
    page = { ...page, after: result.nextAfter };
  }
}
