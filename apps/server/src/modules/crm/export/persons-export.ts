import { withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPersonPage, type PersonReadRecord } from '../persons/persons.repository.js';
import { EXPORT_BATCH_SIZE } from './organizations-export.js';

export const EXPORT_PURPOSES = ['internal', 'marketing'] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

interface PersonDetails {
  person_id: string;
  email: string | null;
  newsletter: 'granted' | 'withdrawn' | null;
  organization_name: string | null;
  organization_siren: string | null;
}

type ExportedPerson = PersonReadRecord & { details: PersonDetails | undefined };

const CONSENT_LABELS = { granted: 'Oui', withdrawn: 'Retirée' } as const;

export const PERSON_EXPORT_COLUMNS: ReadonlyArray<readonly [header: string, value: (person: ExportedPerson) => unknown]> = [
  ['Civilité', (p) => (p.civility === 'MME' ? 'Mme' : p.civility === 'M' ? 'M.' : null)],
  ['Nom', (p) => p.lastName],
  ['Prénom', (p) => p.firstName],
  ['E-mail', (p) => p.details?.email ?? null],
  ['Téléphone', (p) => p.phone],
  ['Fonction', (p) => p.jobTitle],
  ['Entreprise', (p) => p.details?.organization_name ?? null],
  ['SIREN', (p) => p.details?.organization_siren ?? null],
  ['Consentement newsletter', (p) => (p.details?.newsletter ? CONSENT_LABELS[p.details.newsletter] : 'Non recueilli')],
  ['Base légale', (p) => p.legalBasis],
  ['Identifiant', (p) => p.id],
];

/**
 * Primary address, current newsletter consent (the latest row of the append-only history) and main
 * company of a page of persons, in one query under the same RLS scope.
 */
async function findDetails(tx: Tx, personIds: readonly string[]): Promise<Map<string, PersonDetails>> {
  const { rows } = await tx.client.query<PersonDetails>(
    `SELECT p.id AS person_id,
       (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.is_primary DESC, e.email LIMIT 1) AS email,
       (SELECT c.status FROM person_consents c WHERE c.person_id = p.id AND c.channel = 'newsletter' ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1) AS newsletter,
       o.name AS organization_name, o.siren AS organization_siren
     FROM persons p
     LEFT JOIN LATERAL (
       SELECT a.organization_id FROM affiliations a WHERE a.person_id = p.id AND (a.ends_on IS NULL OR a.ends_on >= current_date)
       ORDER BY a.is_primary DESC, a.starts_on DESC NULLS LAST, a.id LIMIT 1
     ) a ON true
     LEFT JOIN organizations o ON o.id = a.organization_id
     WHERE p.id = ANY($1::uuid[])`,
    [personIds],
  );
  return new Map(rows.map((row) => [row.person_id, row]));
}

/**
 * The contacts of the list endpoint for the same filters and sort, page by page. Anonymised persons
 * are never exported; a marketing export keeps only those whose current newsletter consent is
 * granted (a withdrawal, or no consent at all, excludes the person).
 */
export async function* personExportBatches(database: Database, scope: DbScope, query: CollectionQuery, purpose: ExportPurpose): AsyncGenerator<unknown[][]> {
  let page: CollectionQuery = { ...query, limit: EXPORT_BATCH_SIZE, count: 'none' };
  for (;;) {
    const { items, nextAfter } = await withTransaction(
      database,
      scope,
      async (tx) => {
        const result = await fetchPersonPage(tx, page);
        const details = await findDetails(tx, result.items.map((person) => person.id));
        // Object.assign, not a spread with added fields: about 20 times cheaper per object on Node 20 (docs/perf.md).
        return { items: result.items.map((person) => Object.assign({}, person, { details: details.get(person.id) })), nextAfter: result.nextAfter };
      },
      { readOnly: true },
    );
    const exported = items.filter((person) => person.anonymizedAt === null && (purpose === 'internal' || person.details?.newsletter === 'granted'));
    yield exported.map((person) => PERSON_EXPORT_COLUMNS.map(([, value]) => value(person)));
    if (!nextAfter) return;
    page = { ...page, after: nextAfter };
  }
}
