import { newId, type Tx } from '../../../platform/db/index.js';
import type { LinkOrigin, LinkStatus } from '../organizations/organizations.tables.js';
import type { AffiliationRole } from '../persons/persons.tables.js';
import type { ImportRecord } from './import-record.js';

// Writes one batch of valid rows with a handful of set-based statements (unnest arrays) instead of
// several round trips per row: a 250,000-row file is 500 batches, not 1.5 million queries. Every
// statement reports what it changed, and each change is credited to the first row of the batch
// that asked for it, so that importing the same file again reports every row unchanged.
// Companies are network-wide (keyed by SIREN); links, persons, e-mails and affiliations belong to
// the row's target entity, which RLS checks is within the importing entity's scope.

export interface BatchRow {
  company: ImportRecord['company'];
  contact: ImportRecord['contact'];
  entityId: string;
  linkStatus: LinkStatus;
  /** `derived` when the target entity is the union of the row's commune, `manual` when it is the importer. */
  attachedBy: LinkOrigin;
  /** False for a company repeated further down the file: its first row's values are kept. */
  updateCompany: boolean;
  /** Same for a person. */
  updatePerson: boolean;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';

interface Effects {
  created: boolean;
  changed: boolean;
}

/** Index of the first row of each key, in batch order. */
function firstIndexes<T>(items: readonly T[], keyOf: (item: T, index: number) => string | null): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item, index);
    if (key !== null && !first.has(key)) first.set(key, index);
  });
  return first;
}

/** What a batch's first phase wrote, for its second: company ids by SIREN and each row's effects so far. */
export interface CompaniesWritten {
  organizationIds: Map<string, string>;
  effects: Effects[];
}

/**
 * A batch's first phase: its companies (network-wide, by SIREN) and their links to the rows'
 * entities. It needs nothing from the batch before (a SIREN or a lexicon word that batch holds
 * uncommitted only makes it wait inside PostgreSQL), so the import runs it while that batch writes
 * its people and commits.
 */
export async function writeCompaniesAndLinks(tx: Tx, rows: readonly BatchRow[]): Promise<CompaniesWritten> {
  // Every statement below looks rows up by key, one probe per row of the batch. Statistics lag a
  // bulk load (the application role cannot ANALYZE, autovacuum may be late or off), and with
  // estimates from when the tables were small the planner turns the probes into scans of whole
  // tables that grow with each batch, in the plans it keeps for these prepared statements (ADR
  // 0028): a 250,000-row import then slows down batch after batch (docs/perf.md, import).
  // The lock timeout ends a wait PostgreSQL cannot see as a deadlock: two imports whose batches wait
  // on each other's rows inside PostgreSQL and on their own previous batch in Node (ADR 0010).
  // One statement (not four SET LOCAL): it may open the transaction, in the extended protocol.
  const settings = tx.client.query(
    `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
       set_config('lock_timeout', '${BATCH_LOCK_TIMEOUT}', true)`,
  );
  const effects: Effects[] = rows.map(() => ({ created: false, changed: false }));
  const [, organizationIds] = await Promise.all([settings, writeCompanies(tx, rows, effects)]);
  await writeLinks(tx, rows, organizationIds, effects);
  return { organizationIds, effects };
}

/** Long enough for any batch to finish; a wait longer than that is a cycle across imports. */
const BATCH_LOCK_TIMEOUT = '30s';

/**
 * A batch's second phase, once the batch before has committed: people are found by e-mail or by name
 * and created when unknown, so the lookups must see that batch's people (a person on both sides would
 * otherwise be created twice). Lookups are queued together, then the writes.
 */
export async function writePeople(tx: Tx, rows: readonly BatchRow[], { organizationIds, effects }: CompaniesWritten, role: AffiliationRole): Promise<RowOutcome[]> {
  const keys = rows.map((row) => personKey(row, organizationIds.get(row.company.siren)!));
  const [knownByEmail, knownByName] = await Promise.all([findPersonsByEmail(tx, rows), findPersonsByName(tx, rows, organizationIds, keys)]);
  const existing = knownByName.size === 0 ? knownByEmail : new Map([...knownByEmail, ...knownByName]);
  const plan = planPersons(rows, keys, existing, effects);
  await Promise.all([insertPersons(tx, rows, plan), updatePersons(tx, rows, plan, effects), writeAffiliations(tx, rows, organizationIds, plan.personOfRow, role, effects)]);
  return effects.map(({ created, changed }) => (created ? 'created' : changed ? 'updated' : 'unchanged'));
}

function companyArrays(rows: readonly BatchRow[]) {
  return [
    rows.map((row) => row.company.siren),
    rows.map((row) => row.company.name),
    rows.map((row) => row.company.naf?.code ?? null),
    rows.map((row) => row.company.naf?.version ?? null),
    rows.map((row) => row.company.headcountBand),
    rows.map((row) => row.company.address.line),
    rows.map((row) => row.company.address.postalCode),
    rows.map((row) => row.company.address.communeInseeCode),
    rows.map((row) => row.company.address.communeName),
    rows.map((row) => row.company.address.departementCode),
  ];
}

const COMPANY_COLUMNS = 'siren, name, naf_code, naf_version, headcount_band, street, postal_code, commune_insee, commune_name, departement_code';
const COMPANY_UNNEST = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
  AS v(${COMPANY_COLUMNS})`;

/** Creates unknown companies, updates the identity of known ones where the file differs; returns id by SIREN. */
async function writeCompanies(tx: Tx, rows: readonly BatchRow[], effects: Effects[]): Promise<Map<string, string>> {
  const first = firstIndexes(rows, (row) => row.company.siren);
  const unique = [...first.values()].map((index) => rows[index]!);
  const inserting = tx.client.query<{ siren: string }>(
    `INSERT INTO organizations (${COMPANY_COLUMNS}, id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[])
     ON CONFLICT (siren) DO NOTHING RETURNING siren`,
    [...companyArrays(unique), unique.map(() => newId())],
  );
  // Queued behind the insert, so it finds the companies just created too.
  const finding = tx.client.query<{ id: string; siren: string }>('SELECT id, siren FROM organizations WHERE siren = ANY($1::text[])', [[...first.keys()]]);
  const [inserted, { rows: found }] = await Promise.all([inserting, finding]);
  const created = new Set(inserted.rows.map((row) => row.siren));
  for (const siren of created) effects[first.get(siren)!]!.created = true;

  // Empty optional cells keep what the network already knows; a row is rewritten only when a value
  // differs. Identifiers never change, so the ids found above hold.
  const updatable = unique.filter((row) => row.updateCompany && !created.has(row.company.siren));
  if (updatable.length > 0) {
    const updated = await tx.client.query<{ siren: string }>(
      `UPDATE organizations o SET name = v.name, naf_code = COALESCE(v.naf_code, o.naf_code),
         naf_version = CASE WHEN v.naf_code IS NULL THEN o.naf_version ELSE v.naf_version END,
         headcount_band = COALESCE(v.headcount_band, o.headcount_band), street = COALESCE(v.street, o.street),
         postal_code = v.postal_code, commune_insee = v.commune_insee, commune_name = v.commune_name, departement_code = v.departement_code,
         version = o.version + 1, updated_at = now()
       FROM ${COMPANY_UNNEST}
       WHERE o.siren = v.siren AND (o.name IS DISTINCT FROM v.name
         OR (v.naf_code IS NOT NULL AND (o.naf_code IS DISTINCT FROM v.naf_code OR o.naf_version IS DISTINCT FROM v.naf_version))
         OR (v.headcount_band IS NOT NULL AND o.headcount_band IS DISTINCT FROM v.headcount_band)
         OR (v.street IS NOT NULL AND o.street IS DISTINCT FROM v.street)
         OR o.postal_code IS DISTINCT FROM v.postal_code OR o.commune_insee IS DISTINCT FROM v.commune_insee
         OR o.commune_name IS DISTINCT FROM v.commune_name OR o.departement_code IS DISTINCT FROM v.departement_code)
       RETURNING o.siren`,
      companyArrays(updatable),
    );
    for (const { siren } of updated.rows) effects[first.get(siren)!]!.changed = true;
  }
  return new Map(found.map((row) => [row.siren, row.id]));
}

/** Attaches each company to the row's entity unless it already is; an existing link keeps its status. */
async function writeLinks(tx: Tx, rows: readonly BatchRow[], organizationIds: Map<string, string>, effects: Effects[]): Promise<void> {
  const first = firstIndexes(rows, (row) => `${organizationIds.get(row.company.siren)}|${row.entityId}`);
  const indexes = [...first.values()];
  const { rows: linked } = await tx.client.query<{ organization_id: string; entity_id: string }>(
    `INSERT INTO organization_links (id, organization_id, entity_id, status, attached_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
     ON CONFLICT (organization_id, entity_id) DO NOTHING RETURNING organization_id, entity_id`,
    [
      indexes.map(() => newId()),
      indexes.map((index) => organizationIds.get(rows[index]!.company.siren)!),
      indexes.map((index) => rows[index]!.entityId),
      indexes.map((index) => rows[index]!.linkStatus),
      indexes.map((index) => rows[index]!.attachedBy),
    ],
  );
  for (const link of linked) effects[first.get(`${link.organization_id}|${link.entity_id}`)!]!.changed = true;
}

/**
 * The key of a row's person within its entity, as in the in-file deduplication: the e-mail, else the
 * name within the company (people without e-mail).
 */
function personKey(row: BatchRow, organizationId: string): string | null {
  const contact = row.contact;
  if (!contact) return null;
  if (contact.email) return `e|${row.entityId}|${contact.email.key}`;
  return `n|${row.entityId}|${organizationId}|${contact.lastName.toLowerCase()}|${(contact.firstName ?? '').toLowerCase()}`;
}

interface PersonsPlan {
  /** The person id by row index (contact rows only). */
  personOfRow: Map<number, string>;
  /** Rows whose person is new (its first row in the batch). */
  inserts: number[];
  /** Rows whose known person may change (its first row in the batch, when that row may update it). */
  updates: number[];
}

function planPersons(rows: readonly BatchRow[], keys: ReadonlyArray<string | null>, existing: Map<string, string>, effects: Effects[]): PersonsPlan {
  const personByKey = new Map(existing);
  const plan: PersonsPlan = { personOfRow: new Map(), inserts: [], updates: [] };
  const updatedKeys = new Set<string>();
  keys.forEach((key, index) => {
    if (key === null) return;
    let personId = personByKey.get(key);
    if (personId === undefined) {
      personId = newId();
      personByKey.set(key, personId);
      plan.inserts.push(index);
      effects[index]!.created = true;
    } else if (existing.has(key) && rows[index]!.updatePerson && !updatedKeys.has(key)) {
      updatedKeys.add(key);
      plan.updates.push(index);
    }
    plan.personOfRow.set(index, personId);
  });
  return plan;
}

async function insertPersons(tx: Tx, rows: readonly BatchRow[], { inserts, personOfRow }: PersonsPlan): Promise<void> {
  if (inserts.length === 0) return;
  const contacts = inserts.map((index) => rows[index]!.contact!);
  const withEmail = inserts.filter((index) => rows[index]!.contact!.email !== null);
  await Promise.all([
    tx.client.query(
      `INSERT INTO persons (id, entity_id, civility, first_name, last_name, phone)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        inserts.map((index) => personOfRow.get(index)!),
        inserts.map((index) => rows[index]!.entityId),
        contacts.map((contact) => contact.civility),
        contacts.map((contact) => contact.firstName),
        contacts.map((contact) => contact.lastName),
        contacts.map((contact) => contact.phone),
      ],
    ),
    tx.client.query(
      `INSERT INTO person_emails (id, entity_id, person_id, email, is_primary) SELECT *, true FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])`,
      [withEmail.map(() => newId()), withEmail.map((index) => rows[index]!.entityId), withEmail.map((index) => personOfRow.get(index)!), withEmail.map((index) => rows[index]!.contact!.email!.key)],
    ),
  ]);
}

async function updatePersons(tx: Tx, rows: readonly BatchRow[], { updates, personOfRow }: PersonsPlan, effects: Effects[]): Promise<void> {
  if (updates.length === 0) return;
  const contacts = updates.map((index) => rows[index]!.contact!);
  const { rows: changed } = await tx.client.query<{ id: string }>(
    `UPDATE persons p SET civility = COALESCE(v.civility, p.civility), first_name = COALESCE(v.first_name, p.first_name), last_name = v.last_name,
       phone = COALESCE(v.phone, p.phone), version = p.version + 1, updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(id, civility, first_name, last_name, phone)
     WHERE p.id = v.id AND (p.last_name IS DISTINCT FROM v.last_name OR (v.civility IS NOT NULL AND p.civility IS DISTINCT FROM v.civility)
       OR (v.first_name IS NOT NULL AND p.first_name IS DISTINCT FROM v.first_name) OR (v.phone IS NOT NULL AND p.phone IS DISTINCT FROM v.phone))
     RETURNING p.id`,
    [
      updates.map((index) => personOfRow.get(index)!),
      contacts.map((contact) => contact.civility),
      contacts.map((contact) => contact.firstName),
      contacts.map((contact) => contact.lastName),
      contacts.map((contact) => contact.phone),
    ],
  );
  const changedIds = new Set(changed.map((row) => row.id));
  for (const index of updates) if (changedIds.has(personOfRow.get(index)!)) effects[index]!.changed = true;
}

/** Persons the entities already hold for the rows' e-mails, by person key. */
async function findPersonsByEmail(tx: Tx, rows: readonly BatchRow[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const byEmail = rows.flatMap((row) => (row.contact?.email ? [row] : []));
  if (byEmail.length === 0) return found;
  const { rows: matches } = await tx.client.query<{ entity_id: string; email: string; person_id: string }>(
    `SELECT e.entity_id, e.email, e.person_id FROM person_emails e
     JOIN unnest($1::uuid[], $2::text[]) AS k(entity_id, email) ON e.entity_id = k.entity_id AND e.email = k.email`,
    [byEmail.map((row) => row.entityId), byEmail.map((row) => row.contact!.email!.key)],
  );
  for (const match of matches) found.set(`e|${match.entity_id}|${match.email}`, match.person_id);
  return found;
}

/** Persons found by name among the company's contacts, for the rows without e-mail, by person key. */
async function findPersonsByName(tx: Tx, rows: readonly BatchRow[], organizationIds: Map<string, string>, keys: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const byName = rows.flatMap((row, index) => (row.contact && !row.contact.email ? [{ row, key: keys[index]! }] : []));
  if (byName.length === 0) return found;
  const { rows: matches } = await tx.client.query<{ ordinal: number; person_id: string }>(
    `SELECT DISTINCT ON (k.ordinal) k.ordinal, p.id AS person_id
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) WITH ORDINALITY AS k(entity_id, organization_id, last_name, first_name, ordinal)
     JOIN affiliations a ON a.entity_id = k.entity_id AND a.organization_id = k.organization_id
     JOIN persons p ON p.id = a.person_id AND p.entity_id = k.entity_id AND p.anonymized_at IS NULL
       AND lower(p.last_name) = lower(k.last_name) AND lower(coalesce(p.first_name, '')) = lower(k.first_name)
     ORDER BY k.ordinal, p.id`,
    [
      byName.map(({ row }) => row.entityId),
      byName.map(({ row }) => organizationIds.get(row.company.siren)!),
      byName.map(({ row }) => row.contact!.lastName),
      byName.map(({ row }) => row.contact!.firstName ?? ''),
    ],
  );
  for (const match of matches) found.set(byName[Number(match.ordinal) - 1]!.key, match.person_id);
  return found;
}

/**
 * Affiliates each person with the row's company unless it already is; a person's first affiliation is
 * primary. "Has none yet" is a scalar subquery rather than NOT EXISTS, which PostgreSQL may run as one
 * hashed scan of every affiliation: this one probes the person's index entries, row by row.
 */
async function writeAffiliations(
  tx: Tx,
  rows: readonly BatchRow[],
  organizationIds: Map<string, string>,
  personOfRow: Map<number, string>,
  role: AffiliationRole,
  effects: Effects[],
): Promise<void> {
  const first = firstIndexes(rows, (row, index) => (personOfRow.has(index) ? `${row.entityId}|${personOfRow.get(index)}|${organizationIds.get(row.company.siren)}` : null));
  const indexes = [...first.values()];
  if (indexes.length === 0) return;
  const firstOfPerson = firstIndexes(indexes, (index) => personOfRow.get(index)!);
  const { rows: inserted } = await tx.client.query<{ entity_id: string; person_id: string; organization_id: string }>(
    `INSERT INTO affiliations (id, entity_id, person_id, organization_id, role, is_primary)
     SELECT v.id, v.entity_id, v.person_id, v.organization_id, $6,
       v.first_of_person AND (SELECT 1 FROM affiliations a WHERE a.person_id = v.person_id LIMIT 1) IS NULL
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::boolean[]) AS v(id, entity_id, person_id, organization_id, first_of_person)
     WHERE NOT EXISTS (SELECT 1 FROM affiliations a WHERE a.entity_id = v.entity_id AND a.person_id = v.person_id AND a.organization_id = v.organization_id)
     RETURNING entity_id, person_id, organization_id`,
    [
      indexes.map(() => newId()),
      indexes.map((index) => rows[index]!.entityId),
      indexes.map((index) => personOfRow.get(index)!),
      indexes.map((index) => organizationIds.get(rows[index]!.company.siren)!),
      indexes.map((index, position) => firstOfPerson.get(personOfRow.get(index)!) === position),
      role,
    ],
  );
  for (const row of inserted) effects[first.get(`${row.entity_id}|${row.person_id}|${row.organization_id}`)!]!.changed = true;
}
