import type { Tx } from '../../../platform/db/index.js';
import type { AffiliationRole } from './persons.tables.js';
import type { Affiliation, OrganizationContact } from './persons.schema.js';

// Under the caller's RLS scope; `organizations` itself is public (ADR 0007), only its name is read here.

interface AffiliationRow {
  id: string;
  entity_id: string;
  person_id: string;
  organization_id: string;
  organization_name: string;
  role: AffiliationRole;
  starts_on: string | null;
  ends_on: string | null;
  is_primary: boolean;
}

const SELECT_AFFILIATION = `SELECT a.id, a.entity_id, a.person_id, a.organization_id, o.name AS organization_name, a.role,
  a.starts_on::text AS starts_on, a.ends_on::text AS ends_on, a.is_primary
  FROM affiliations a JOIN organizations o ON o.id = a.organization_id`;

function toAffiliation(row: AffiliationRow): Affiliation {
  return {
    id: row.id,
    entityId: row.entity_id,
    personId: row.person_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    role: row.role,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    isPrimary: row.is_primary,
  };
}

export interface NewAffiliation {
  entityId: string;
  personId: string;
  organizationId: string;
  role: AffiliationRole;
  startsOn: string | null;
  endsOn: string | null;
  isPrimary: boolean;
}

export async function insertAffiliation(tx: Tx, id: string, affiliation: NewAffiliation): Promise<Affiliation> {
  if (affiliation.isPrimary) {
    await tx.client.query('UPDATE affiliations SET is_primary = false WHERE person_id = $1 AND is_primary', [affiliation.personId]);
  }
  await tx.client.query(
    `INSERT INTO affiliations (id, entity_id, person_id, organization_id, role, starts_on, ends_on, is_primary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, affiliation.entityId, affiliation.personId, affiliation.organizationId, affiliation.role, affiliation.startsOn, affiliation.endsOn, affiliation.isPrimary],
  );
  return (await findAffiliation(tx, affiliation.personId, id))!;
}

export async function findAffiliation(tx: Tx, personId: string, id: string): Promise<Affiliation | null> {
  const { rows } = await tx.client.query<AffiliationRow>(`${SELECT_AFFILIATION} WHERE a.person_id = $1 AND a.id = $2`, [personId, id]);
  return rows[0] ? toAffiliation(rows[0]) : null;
}

/** A person's affiliations, primary then current ones first. */
export async function findAffiliationsOf(tx: Tx, personId: string): Promise<Affiliation[]> {
  const { rows } = await tx.client.query<AffiliationRow>(
    `${SELECT_AFFILIATION} WHERE a.person_id = $1 ORDER BY a.is_primary DESC, a.ends_on DESC NULLS FIRST, o.name, a.id`,
    [personId],
  );
  return rows.map(toAffiliation);
}

export async function deleteAffiliationRow(tx: Tx, personId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.client.query('DELETE FROM affiliations WHERE person_id = $1 AND id = $2', [personId, id]);
  return (rowCount ?? 0) > 0;
}

export async function organizationExists(tx: Tx, organizationId: string): Promise<boolean> {
  const { rows } = await tx.client.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
  return rows.length > 0;
}

interface ContactRow {
  affiliation_id: string;
  role: AffiliationRole;
  starts_on: string | null;
  ends_on: string | null;
  is_primary: boolean;
  person_id: string;
  entity_id: string;
  civility: 'M' | 'MME' | null;
  first_name: string | null;
  last_name: string;
  job_title: string | null;
  phone: string | null;
  email: string | null;
}

/** The contacts of a company that the scope may see (RLS on affiliations and persons), by name. */
export async function findContactsOfOrganization(tx: Tx, organizationId: string): Promise<OrganizationContact[]> {
  const { rows } = await tx.client.query<ContactRow>(
    `SELECT a.id AS affiliation_id, a.role, a.starts_on::text AS starts_on, a.ends_on::text AS ends_on, a.is_primary,
       p.id AS person_id, p.entity_id, p.civility, p.first_name, p.last_name, p.job_title, p.phone,
       (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.is_primary DESC, e.email LIMIT 1) AS email
     FROM affiliations a JOIN persons p ON p.id = a.person_id
     WHERE a.organization_id = $1
     ORDER BY a.ends_on DESC NULLS FIRST, p.last_name, p.first_name, a.id
     LIMIT 500`,
    [organizationId],
  );
  return rows.map((row) => ({
    affiliationId: row.affiliation_id,
    role: row.role,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    isPrimary: row.is_primary,
    person: {
      id: row.person_id,
      entityId: row.entity_id,
      civility: row.civility,
      firstName: row.first_name,
      lastName: row.last_name,
      jobTitle: row.job_title,
      phone: row.phone,
      email: row.email,
    },
  }));
}

/** The companies a person is affiliated with, as the caller's scope sees the affiliations. */
export async function affiliatedOrganizationIds(tx: Tx, personId: string): Promise<string[]> {
  const { rows } = await tx.client.query<{ organization_id: string }>(
    'SELECT DISTINCT organization_id FROM affiliations WHERE person_id = $1 ORDER BY organization_id',
    [personId],
  );
  return rows.map((row) => row.organization_id);
}
