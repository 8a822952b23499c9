import { sql } from 'drizzle-orm';
import { isoTimestamp, TIMESTAMPTZ_AS_TEXT, type TimestamptzValue, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import type { OrganizationFields } from './organization-fields.js';
import { LINKS_OF_ROW, linksFromJson, type LinkJson } from './organization-links.repository.js';
import { organizationCollection } from './organizations.collection.js';
import type { Organization, OrganizationIdentity } from './organizations.schema.js';
import { organizations, type LinkStatus } from './organizations.tables.js';

// `organizations` has no tenant policy (public identity, ADR 0007): these queries see every company.

const COLUMNS = `id, siren, name, legal_name, naf_code, naf_version, legal_form, headcount_band, street, postal_code,
  commune_insee, commune_name, departement_code, website, phone, version, created_at, updated_at`;

interface OrganizationRow {
  id: string;
  siren: string;
  name: string;
  legal_name: string | null;
  naf_code: string | null;
  naf_version: string | null;
  legal_form: string | null;
  headcount_band: string | null;
  street: string | null;
  postal_code: string | null;
  commune_insee: string | null;
  commune_name: string | null;
  departement_code: string | null;
  website: string | null;
  phone: string | null;
  version: number;
  created_at: TimestamptzValue;
  updated_at: TimestamptzValue;
}

function toIdentity(row: OrganizationRow): OrganizationIdentity {
  return {
    id: row.id,
    siren: row.siren,
    name: row.name,
    legalName: row.legal_name,
    nafCode: row.naf_code,
    nafVersion: row.naf_version,
    legalForm: row.legal_form,
    headcountBand: row.headcount_band,
    address: {
      street: row.street,
      postalCode: row.postal_code,
      communeInsee: row.commune_insee,
      communeName: row.commune_name,
      departementCode: row.departement_code,
    },
    website: row.website,
    phone: row.phone,
    version: row.version,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

/** The identity with its links added in place: on Node 20 a spread copy with a field added made a page ~30 % dearer (docs/perf.md). */
function toOrganization(row: OrganizationRow & { links: LinkJson[] }): Organization {
  const organization: OrganizationIdentity & { links?: Organization['links'] } = toIdentity(row);
  organization.links = linksFromJson(row.links);
  return organization as Organization;
}

const FIELD_VALUES = (fields: OrganizationFields) => [
  fields.name,
  fields.legalName,
  fields.nafCode,
  fields.nafVersion,
  fields.legalForm,
  fields.headcountBand,
  fields.street,
  fields.postalCode,
  fields.communeInsee,
  fields.communeName,
  fields.departementCode,
  fields.website,
  fields.phone,
];

// Built once: the automatic statement names are looked up by text, and a string made per call is hashed per call.
const BY_ID = `SELECT ${COLUMNS} FROM organizations WHERE id = $1`;
const BY_ID_FOR_UPDATE = `${BY_ID} FOR UPDATE`;
const WITH_LINKS_BY_ID = `SELECT ${COLUMNS}, ${LINKS_OF_ROW} AS links FROM organizations WHERE id = $1`;

export async function findOrganizationById(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<OrganizationIdentity | null> {
  const { rows } = await tx.client.query<OrganizationRow>({ text: options.forUpdate ? BY_ID_FOR_UPDATE : BY_ID, values: [id], types: TIMESTAMPTZ_AS_TEXT });
  return rows[0] ? toIdentity(rows[0]) : null;
}

/** A company with the links the caller may see, in one statement. */
export async function findOrganizationWithLinks(tx: Tx, id: string): Promise<Organization | null> {
  const { rows } = await tx.client.query<OrganizationRow & { links: LinkJson[] }>({ text: WITH_LINKS_BY_ID, values: [id], types: TIMESTAMPTZ_AS_TEXT });
  return rows[0] ? toOrganization(rows[0]) : null;
}

/** Names of companies (their public identity, readable network-wide), for other modules' lists. */
export async function findOrganizationNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.client.query<{ id: string; name: string }>('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findOrganizationIdBySiren(tx: Tx, siren: string): Promise<string | null> {
  const { rows } = await tx.client.query<{ id: string }>('SELECT id FROM organizations WHERE siren = $1', [siren]);
  return rows[0]?.id ?? null;
}

/** Inserts unless the SIREN exists (a concurrent creation included): null then. */
export async function insertOrganization(tx: Tx, id: string, siren: string, fields: OrganizationFields): Promise<OrganizationIdentity | null> {
  const { rows } = await tx.client.query<OrganizationRow>(
    `INSERT INTO organizations (id, siren, name, legal_name, naf_code, naf_version, legal_form, headcount_band, street, postal_code,
       commune_insee, commune_name, departement_code, website, phone)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (siren) DO NOTHING RETURNING ${COLUMNS}`,
    [id, siren, ...FIELD_VALUES(fields)],
  );
  return rows[0] ? toIdentity(rows[0]) : null;
}

/** Writes the identity and bumps the version if it is still the expected one (null: no row updated). */
export async function updateOrganizationFields(tx: Tx, id: string, expectedVersion: number, fields: OrganizationFields): Promise<OrganizationIdentity | null> {
  const { rows } = await tx.client.query<OrganizationRow>(
    `UPDATE organizations SET name = $3, legal_name = $4, naf_code = $5, naf_version = $6, legal_form = $7, headcount_band = $8,
       street = $9, postal_code = $10, commune_insee = $11, commune_name = $12, departement_code = $13, website = $14, phone = $15,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, expectedVersion, ...FIELD_VALUES(fields)],
  );
  return rows[0] ? toIdentity(rows[0]) : null;
}

/** A page's companies, named as `OrganizationRow`: every column but the tsvector `search`, and the links the caller may see. */
const PAGE_COLUMNS = {
  id: organizations.id,
  siren: organizations.siren,
  name: organizations.name,
  legal_name: organizations.legalName,
  naf_code: organizations.nafCode,
  naf_version: organizations.nafVersion,
  legal_form: organizations.legalForm,
  headcount_band: organizations.headcountBand,
  street: organizations.street,
  postal_code: organizations.postalCode,
  commune_insee: organizations.communeInsee,
  commune_name: organizations.communeName,
  departement_code: organizations.departementCode,
  website: organizations.website,
  phone: organizations.phone,
  version: organizations.version,
  created_at: organizations.createdAt,
  updated_at: organizations.updatedAt,
  // One round trip for the page and its links.
  links: sql.raw(LINKS_OF_ROW),
};

const HOLDING_LINK_WITH_STATUS = sql`exists (select 1 from organization_links l where l.organization_id = ${organizations.id} and l.status = ${sql.placeholder('status')})`;

/**
 * One page of the network-wide list. `filter[status]` keeps the companies that one of the caller's links
 * holds with that status: the EXISTS runs under RLS, so other branches' links never count.
 */
export async function fetchOrganizationPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Organization>> {
  const status = query.filters.find((filter) => filter.field === 'status')?.value as LinkStatus | undefined;
  // The fingerprint (cursor binding) keeps the status filter; only its SQL is written here.
  const identityQuery = { ...query, filters: query.filters.filter((filter) => filter.field !== 'status') };
  const page = await fetchPage<OrganizationRow & { links: LinkJson[] }>(tx, organizationCollection, identityQuery, {
    table: organizations,
    columns: PAGE_COLUMNS,
    timestampsAsText: true,
    ...(status ? { where: { sql: HOLDING_LINK_WITH_STATUS, shape: 'status', values: { status } } } : {}),
  });
  return { ...page, items: page.items.map(toOrganization) };
}
