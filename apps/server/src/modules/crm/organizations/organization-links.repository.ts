import { isoTimestamp, type TimestamptzValue, type Tx } from '../../../platform/db/index.js';
import type { OrganizationLink } from './organizations.schema.js';
import type { LinkOrigin, LinkStatus } from './organizations.tables.js';

// `organization_links` is tenant-owned: RLS shows each transaction only its scope's links, so every
// query here is naturally limited to the caller's entities and their subtrees.

const COLUMNS = 'id, organization_id, entity_id, status, tags, attached_by, version, created_at, updated_at';

interface LinkRow {
  id: string;
  organization_id: string;
  entity_id: string;
  status: LinkStatus;
  tags: string[];
  attached_by: LinkOrigin;
  version: number;
  created_at: TimestamptzValue;
  updated_at: TimestamptzValue;
}

function toLink(row: LinkRow): OrganizationLink {
  return {
    id: row.id,
    organizationId: row.organization_id,
    entityId: row.entity_id,
    status: row.status,
    tags: row.tags,
    attachedBy: row.attached_by,
    version: row.version,
    createdAt: isoTimestamp(row.created_at),
    updatedAt: isoTimestamp(row.updated_at),
  };
}

export interface LinkFields {
  entityId: string;
  status: LinkStatus;
  tags: string[];
  attachedBy: LinkOrigin;
}

/** A link as `LINKS_OF_ROW` renders it: timestamps are JSON text. */
export type LinkJson = Omit<LinkRow, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string };

/**
 * The visible links (RLS) of the company of the enclosing query's row, oldest first, as a JSON array:
 * a read then fetches companies and their links in one statement. The enclosing query reads
 * `organizations` under that name (the reference is written qualified: Drizzle renders its own
 * select-list columns bare).
 */
export const LINKS_OF_ROW = `(SELECT coalesce(json_agg(json_build_object('id', l.id, 'organization_id', l.organization_id, 'entity_id', l.entity_id,
    'status', l.status, 'tags', l.tags, 'attached_by', l.attached_by, 'version', l.version, 'created_at', l.created_at, 'updated_at', l.updated_at)
    ORDER BY l.created_at, l.id), '[]') FROM organization_links l WHERE l.organization_id = "organizations"."id")`;

export function linksFromJson(links: readonly LinkJson[]): OrganizationLink[] {
  return links.map(toLink);
}

/** The visible links of these companies, grouped by company, oldest first. */
export async function findLinksOf(tx: Tx, organizationIds: readonly string[]): Promise<Map<string, OrganizationLink[]>> {
  const byOrganization = new Map<string, OrganizationLink[]>(organizationIds.map((id) => [id, []]));
  if (organizationIds.length === 0) return byOrganization;
  const { rows } = await tx.client.query<LinkRow>(
    `SELECT ${COLUMNS} FROM organization_links WHERE organization_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [organizationIds],
  );
  for (const row of rows) byOrganization.get(row.organization_id)?.push(toLink(row));
  return byOrganization;
}

export async function findLink(tx: Tx, organizationId: string, linkId: string, options: { forUpdate?: boolean } = {}): Promise<OrganizationLink | null> {
  const { rows } = await tx.client.query<LinkRow>(
    `SELECT ${COLUMNS} FROM organization_links WHERE id = $1 AND organization_id = $2${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [linkId, organizationId],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

/** Inserts unless this entity already has a link to the company: null then (the caller answers 409). */
export async function insertLink(tx: Tx, id: string, organizationId: string, fields: LinkFields): Promise<OrganizationLink | null> {
  const { rows } = await tx.client.query<LinkRow>(
    `INSERT INTO organization_links (id, organization_id, entity_id, status, tags, attached_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (organization_id, entity_id) DO NOTHING RETURNING ${COLUMNS}`,
    [id, organizationId, fields.entityId, fields.status, fields.tags, fields.attachedBy],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

export async function updateLink(tx: Tx, id: string, expectedVersion: number, fields: LinkFields): Promise<OrganizationLink | null> {
  const { rows } = await tx.client.query<LinkRow>(
    `UPDATE organization_links SET entity_id = $3, status = $4, tags = $5, attached_by = $6, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
    [id, expectedVersion, fields.entityId, fields.status, fields.tags, fields.attachedBy],
  );
  return rows[0] ? toLink(rows[0]) : null;
}

export async function deleteLink(tx: Tx, id: string, expectedVersion: number): Promise<boolean> {
  const { rowCount } = await tx.client.query('DELETE FROM organization_links WHERE id = $1 AND version = $2', [id, expectedVersion]);
  return rowCount === 1;
}

export async function linkExistsFor(tx: Tx, organizationId: string, entityId: string): Promise<boolean> {
  const { rows } = await tx.client.query<{ exists: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM organization_links WHERE organization_id = $1 AND entity_id = $2) AS exists',
    [organizationId, entityId],
  );
  return rows[0]!.exists;
}

/** True when the transaction's scope holds at least one link of the company. */
export async function hasVisibleLink(tx: Tx, organizationId: string): Promise<boolean> {
  const { rows } = await tx.client.query<{ exists: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM organization_links WHERE organization_id = $1) AS exists',
    [organizationId],
  );
  return rows[0]!.exists;
}
