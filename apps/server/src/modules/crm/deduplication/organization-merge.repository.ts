import type { Tx } from '../../../platform/db/index.js';

// Runs in a system-scoped transaction (see merge-guards.ts): these statements see every branch's rows.

/** Tables the company merge moves; anything else referencing organizations stops the merge. */
export const ORGANIZATION_FACET_TABLES = ['organization_links', 'affiliations', 'interactions'] as const;

export interface LockedOrganization {
  id: string;
  [column: string]: unknown;
}

export async function lockOrganizations(tx: Tx, ids: readonly string[]): Promise<LockedOrganization[]> {
  const { rows } = await tx.client.query<LockedOrganization>(
    `SELECT id, siren, name, legal_name, naf_code, naf_version, legal_form, headcount_band, street, postal_code, commune_insee,
            commune_name, departement_code, website, phone, version, created_at, updated_at
     FROM organizations WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return rows;
}

/** Entities holding links to these companies. */
export async function linkEntityIds(tx: Tx, organizationIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const { rows } = await tx.client.query<{ organization_id: string; entity_id: string }>(
    'SELECT organization_id, entity_id FROM organization_links WHERE organization_id = ANY($1)',
    [organizationIds],
  );
  const byOrganization = new Map<string, Set<string>>(organizationIds.map((id) => [id, new Set<string>()]));
  for (const row of rows) byOrganization.get(row.organization_id)!.add(row.entity_id);
  return byOrganization;
}

/** Entities owning the affiliations and interactions of these companies. */
export async function facetEntityIds(tx: Tx, organizationIds: readonly string[]): Promise<string[]> {
  const { rows } = await tx.client.query<{ entity_id: string }>(
    `SELECT entity_id FROM affiliations WHERE organization_id = ANY($1)
     UNION SELECT entity_id FROM interactions WHERE organization_id = ANY($1)`,
    [organizationIds],
  );
  return rows.map((row) => row.entity_id);
}

export async function organizationSnapshot(tx: Tx, organization: LockedOrganization): Promise<Record<string, unknown>> {
  const facet = async (sql: string) => (await tx.client.query(sql, [organization.id])).rows;
  return {
    organization,
    links: await facet('SELECT id, entity_id, status, tags, attached_by, version, created_at FROM organization_links WHERE organization_id = $1 ORDER BY id'),
    affiliationIds: (await facet('SELECT id FROM affiliations WHERE organization_id = $1 ORDER BY id')).map((row) => row.id),
    interactionIds: (await facet('SELECT id FROM interactions WHERE organization_id = $1 ORDER BY id')).map((row) => row.id),
  };
}

/**
 * Moves one duplicate's facets to the survivor. A link of an entity that already follows the
 * survivor is folded into that link (unique (organization, entity)): the stronger status wins
 * (member, then former member, then prospect) and the tags are united.
 */
export async function moveFacetsOf(tx: Tx, survivorId: string, duplicateId: string): Promise<Record<string, number>> {
  const run = async (sql: string) => (await tx.client.query(sql, [survivorId, duplicateId])).rowCount ?? 0;
  const folded = await run(
    `UPDATE organization_links s SET
       status = CASE WHEN 'member' IN (s.status, d.status) THEN 'member'
                     WHEN 'former_member' IN (s.status, d.status) THEN 'former_member' ELSE 'prospect' END,
       tags = ARRAY(SELECT DISTINCT tag FROM unnest(s.tags || d.tags) AS tag ORDER BY tag),
       version = s.version + 1, updated_at = now()
     FROM organization_links d
     WHERE s.organization_id = $1 AND d.organization_id = $2 AND d.entity_id = s.entity_id`,
  );
  await run(
    `DELETE FROM organization_links d WHERE d.organization_id = $2
       AND EXISTS (SELECT 1 FROM organization_links s WHERE s.organization_id = $1 AND s.entity_id = d.entity_id)`,
  );
  return {
    links: folded + (await run('UPDATE organization_links SET organization_id = $1, updated_at = now() WHERE organization_id = $2')),
    affiliations: await run('UPDATE affiliations SET organization_id = $1 WHERE organization_id = $2'),
    interactions: await run('UPDATE interactions SET organization_id = $1 WHERE organization_id = $2'),
  };
}

export async function bumpSurvivor(tx: Tx, survivorId: string): Promise<void> {
  await tx.client.query('UPDATE organizations SET version = version + 1, updated_at = now() WHERE id = $1', [survivorId]);
}

export async function deleteOrganizations(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.client.query('DELETE FROM organizations WHERE id = ANY($1)', [ids]);
}
