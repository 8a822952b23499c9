import { newId, type Tx } from '../../../platform/db/index.js';
import type { SyndicationStatus } from './syndication.tables.js';

export interface SyndicationRow {
  id: string;
  entity_id: string;
  content_id: string;
  origin_site_id: string;
  target_site_id: string;
  status: SyndicationStatus;
  offered_by: string | null;
  offered_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  version: number;
}

const COLUMNS = 'id, entity_id, content_id, origin_site_id, target_site_id, status, offered_by, offered_at, decided_by, decided_at, version';

/** Sites of the strict descendants of an entity (system scope: the origin's staff may not read them). */
export async function descendantSites(tx: Tx, entityId: string): Promise<Array<{ id: string; entity_id: string }>> {
  const { rows } = await tx.client.query<{ id: string; entity_id: string }>(
    `SELECT s.id, s.entity_id FROM cms_sites s
       JOIN entity_tree_paths p ON p.descendant_id = s.entity_id AND p.ancestor_id = $1 AND p.depth > 0
      ORDER BY s.slug`,
    [entityId],
  );
  return rows;
}

/** New offers, and withdrawn ones offered again; a target's earlier decision (accepted, declined) stands. */
export async function upsertOffers(
  tx: Tx,
  input: { contentId: string; originSiteId: string; offeredBy: string | null; targets: Array<{ id: string; entity_id: string }> },
): Promise<void> {
  for (const target of input.targets) {
    await tx.client.query(
      `INSERT INTO cms_syndications (id, entity_id, content_id, origin_site_id, target_site_id, status, offered_by)
       VALUES ($1, $2, $3, $4, $5, 'offered', $6)
       ON CONFLICT (content_id, target_site_id) DO UPDATE
         SET status = 'offered', offered_by = excluded.offered_by, offered_at = now(), decided_by = NULL, decided_at = NULL,
             version = cms_syndications.version + 1
       WHERE cms_syndications.status = 'withdrawn'`,
      [newId(), target.entity_id, input.contentId, input.originSiteId, target.id, input.offeredBy],
    );
  }
}

export async function listSyndicationsOfContent(tx: Tx, contentId: string): Promise<SyndicationRow[]> {
  const { rows } = await tx.client.query<SyndicationRow>(`SELECT ${COLUMNS} FROM cms_syndications WHERE content_id = $1 ORDER BY offered_at, id`, [contentId]);
  return rows;
}

export async function listInbox(tx: Tx, targetSiteId: string, status: SyndicationStatus | undefined): Promise<SyndicationRow[]> {
  const { rows } = await tx.client.query<SyndicationRow>(
    `SELECT ${COLUMNS} FROM cms_syndications WHERE target_site_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY offered_at DESC, id DESC LIMIT 500`,
    [targetSiteId, status ?? null],
  );
  return rows;
}

export async function findSyndication(tx: Tx, id: string, forUpdate = false): Promise<SyndicationRow | null> {
  const { rows } = await tx.client.query<SyndicationRow>(`SELECT ${COLUMNS} FROM cms_syndications WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function setSyndicationStatus(tx: Tx, id: string, status: SyndicationStatus, userId: string | null): Promise<SyndicationRow> {
  const { rows } = await tx.client.query<SyndicationRow>(
    `UPDATE cms_syndications SET status = $2, decided_by = $3, decided_at = now(), version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status, userId],
  );
  return rows[0]!;
}

export interface OriginInfo {
  content_id: string;
  title: string;
  summary: string | null;
  live: boolean;
  visibility: 'public' | 'members';
  published_at: Date | null;
  path: string;
  site_name: string;
  site_slug: string;
  host_names: string[];
}

/** The origin articles' public face (published revision, else working copy), read under the system scope. */
export async function readOrigins(tx: Tx, contentIds: readonly string[]): Promise<Map<string, OriginInfo>> {
  if (contentIds.length === 0) return new Map();
  const { rows } = await tx.client.query<OriginInfo>(
    `SELECT c.id AS content_id, coalesce(r.title, c.title) AS title, CASE WHEN r.id IS NULL THEN c.summary ELSE r.summary END AS summary,
            c.published_revision_id IS NOT NULL AS live, c.visibility, c.published_at, c.path,
            s.name AS site_name, s.slug AS site_slug, s.host_names
       FROM cms_contents c
       JOIN cms_sites s ON s.id = c.site_id
       LEFT JOIN cms_revisions r ON r.id = c.published_revision_id
      WHERE c.id = ANY($1::uuid[])`,
    [contentIds],
  );
  return new Map(rows.map((row) => [row.content_id, row]));
}
