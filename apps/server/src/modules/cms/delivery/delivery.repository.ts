import type { Tx } from '../../../platform/db/index.js';
import type { RichTextDocument } from '../rich-text/index.js';

/**
 * Every query of public delivery. They run under the system scope (a public site shows the
 * articles of ancestors syndicated to it, outside its own subtree) and therefore each one filters
 * explicitly: live (`published_revision_id IS NOT NULL`), `visibility = 'public'`, and either the
 * site's own content or an article syndicated to it (offered or accepted). Members-only content
 * never leaves these queries. The text shown is always the published revision's.
 */

export interface SiteRow {
  id: string;
  entity_id: string;
  slug: string;
  name: string;
  theme: { logoMediaId?: string | null; primaryColour?: string; accentColour?: string; footerText?: string } | null;
  host_names: string[];
  menus: { main?: MenuItemRow[]; footer?: MenuItemRow[] } | null;
  generation: string | number;
  changed_at: Date;
}

export interface MenuItemRow {
  label: string;
  contentId?: string;
  url?: string;
  children?: MenuItemRow[];
}

export interface ContentFieldsRow {
  coverMediaId?: string | null;
  categoryIds?: string[];
  tags?: string[];
  author?: string | null;
  documentMediaId?: string | null;
}

export interface LiveContentRow {
  id: string;
  site_id: string;
  kind: 'page' | 'article' | 'document';
  path: string;
  parent_id: string | null;
  featured: boolean;
  published_at: Date;
  last_published_at: Date | null;
  title: string;
  summary: string | null;
  fields: ContentFieldsRow | null;
  /** Set when the row is an article syndicated from another site. */
  origin_site_id: string | null;
}

export interface LiveContentWithBody extends LiveContentRow {
  body: RichTextDocument;
  plain_text: string;
}

const SITE_COLUMNS = `s.id, s.entity_id, s.slug, s.name, s.theme, s.host_names, s.menus,
  coalesce(g.generation, 0) AS generation, coalesce(g.changed_at, s.updated_at) AS changed_at`;

export async function findSiteBySlug(tx: Tx, slug: string): Promise<SiteRow | null> {
  const { rows } = await tx.client.query<SiteRow>(
    `SELECT ${SITE_COLUMNS} FROM cms_sites s LEFT JOIN cms_site_generations g ON g.site_id = s.id WHERE s.slug = $1`,
    [slug],
  );
  return rows[0] ?? null;
}

export async function findSiteByHost(tx: Tx, host: string): Promise<SiteRow | null> {
  const { rows } = await tx.client.query<SiteRow>(
    `SELECT ${SITE_COLUMNS} FROM cms_sites s LEFT JOIN cms_site_generations g ON g.site_id = s.id WHERE s.host_names @> ARRAY[$1]::text[] LIMIT 1`,
    [host],
  );
  return rows[0] ?? null;
}

export async function listHostNames(tx: Tx): Promise<{ host: string; slug: string }[]> {
  const { rows } = await tx.client.query<{ host: string; slug: string }>(`SELECT unnest(host_names) AS host, slug FROM cms_sites`);
  return rows;
}

export async function findSitesByIds(tx: Tx, ids: readonly string[]): Promise<SiteRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.client.query<SiteRow>(
    `SELECT ${SITE_COLUMNS} FROM cms_sites s LEFT JOIN cms_site_generations g ON g.site_id = s.id WHERE s.id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

const LIVE_COLUMNS = `c.id, c.site_id, c.kind, c.path, c.parent_id, c.featured, c.published_at, c.last_published_at, r.title, r.summary, r.fields`;
const LIVE = `c.published_revision_id IS NOT NULL AND c.visibility = 'public'`;
const SYNDICATED_TO = (siteParameter: string) =>
  `SELECT s.content_id FROM cms_syndications s WHERE s.target_site_id = ${siteParameter} AND s.status IN ('offered', 'accepted')`;

/** The live item at a path of the site: its own first, else an article syndicated to it. */
export async function findLiveByPath(tx: Tx, siteId: string, path: string): Promise<LiveContentWithBody | null> {
  const { rows } = await tx.client.query<LiveContentWithBody>(
    `(SELECT ${LIVE_COLUMNS}, r.body, r.plain_text, NULL::uuid AS origin_site_id
        FROM cms_contents c JOIN cms_revisions r ON r.id = c.published_revision_id
       WHERE c.site_id = $1 AND c.path = $2 AND ${LIVE})
     UNION ALL
     (SELECT ${LIVE_COLUMNS}, r.body, r.plain_text, c.site_id AS origin_site_id
        FROM cms_syndications s
        JOIN cms_contents c ON c.id = s.content_id
        JOIN cms_revisions r ON r.id = c.published_revision_id
       WHERE s.target_site_id = $1 AND s.status IN ('offered', 'accepted') AND c.kind = 'article' AND c.path = $2 AND ${LIVE})
     LIMIT 1`,
    [siteId, path],
  );
  return rows[0] ?? null;
}

/** A revision for a preview link (any status, members-only included: the link is the credential). */
export async function findRevisionForPreview(tx: Tx, contentId: string, revisionId: string): Promise<(LiveContentWithBody & { visibility: string }) | null> {
  const { rows } = await tx.client.query<LiveContentWithBody & { visibility: string }>(
    `SELECT c.id, c.site_id, c.kind, c.path, c.parent_id, c.featured, coalesce(c.published_at, r.created_at) AS published_at, c.last_published_at,
            r.title, r.summary, r.fields, r.body, r.plain_text, NULL::uuid AS origin_site_id, c.visibility
       FROM cms_contents c JOIN cms_revisions r ON r.id = $2 AND r.content_id = c.id
      WHERE c.id = $1`,
    [contentId, revisionId],
  );
  return rows[0] ?? null;
}

export interface ListFilter {
  kind?: 'page' | 'article' | 'document';
  categoryId?: string;
  tag?: string;
  featured?: boolean;
  /** Include articles syndicated to the site (lists of the site's news). */
  withSyndicated?: boolean;
}

/** Live items of a site, newest first (offset pagination: public lists stop at a few hundred pages). */
export async function listLive(tx: Tx, siteId: string, filter: ListFilter, limit: number, offset: number): Promise<LiveContentRow[]> {
  const values: unknown[] = [siteId];
  const conditions: string[] = [LIVE];
  if (filter.kind) {
    values.push(filter.kind);
    conditions.push(`c.kind = $${values.length}`);
  }
  if (filter.categoryId) {
    values.push(filter.categoryId);
    conditions.push(`r.fields->'categoryIds' ? $${values.length}`);
  }
  if (filter.tag) {
    values.push(filter.tag);
    conditions.push(`r.fields->'tags' ? $${values.length}`);
  }
  if (filter.featured) conditions.push('c.featured');
  const where = conditions.join(' AND ');
  values.push(limit, offset);
  const limitParameter = `$${values.length - 1}`;
  const offsetParameter = `$${values.length}`;
  const own = `SELECT ${LIVE_COLUMNS}, NULL::uuid AS origin_site_id FROM cms_contents c JOIN cms_revisions r ON r.id = c.published_revision_id WHERE c.site_id = $1 AND ${where}`;
  const syndicated =
    filter.withSyndicated && filter.kind === 'article' && !filter.categoryId && !filter.featured
      ? ` UNION ALL SELECT ${LIVE_COLUMNS}, c.site_id AS origin_site_id FROM cms_contents c JOIN cms_revisions r ON r.id = c.published_revision_id
           WHERE c.id IN (${SYNDICATED_TO('$1')}) AND c.kind = 'article' AND ${where}`
      : '';
  const { rows } = await tx.client.query<LiveContentRow>(
    `SELECT * FROM (${own}${syndicated}) items ORDER BY published_at DESC, id DESC LIMIT ${limitParameter} OFFSET ${offsetParameter}`,
    values,
  );
  return rows;
}

/** Live pages, documents and articles of the site itself (sitemap; syndicated copies are canonical elsewhere). */
export async function listSitemapEntries(tx: Tx, siteId: string): Promise<{ path: string; kind: string; last_published_at: Date | null; published_at: Date }[]> {
  const { rows } = await tx.client.query<{ path: string; kind: string; last_published_at: Date | null; published_at: Date }>(
    `SELECT c.path, c.kind, c.last_published_at, c.published_at FROM cms_contents c WHERE c.site_id = $1 AND ${LIVE} ORDER BY c.path LIMIT 50000`,
    [siteId],
  );
  return rows;
}

/** Live public items among ids (menus): anything else is dropped from navigation. */
export async function findLivePaths(tx: Tx, siteId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.client.query<{ id: string; path: string }>(`SELECT c.id, c.path FROM cms_contents c WHERE c.site_id = $1 AND c.id = ANY($2::uuid[]) AND ${LIVE}`, [siteId, ids]);
  return new Map(rows.map((row) => [row.id, row.path]));
}

/** Live public ancestors of a page, root first. */
export async function findAncestors(tx: Tx, parentId: string): Promise<{ title: string; path: string }[]> {
  const { rows } = await tx.client.query<{ title: string; path: string; depth: number }>(
    `WITH RECURSIVE chain AS (
       SELECT c.id, c.parent_id, 1 AS depth FROM cms_contents c WHERE c.id = $1
       UNION ALL
       SELECT p.id, p.parent_id, chain.depth + 1 FROM cms_contents p JOIN chain ON p.id = chain.parent_id WHERE chain.depth < 20
     )
     SELECT r.title, c.path, chain.depth FROM chain JOIN cms_contents c ON c.id = chain.id JOIN cms_revisions r ON r.id = c.published_revision_id
      WHERE ${LIVE} ORDER BY chain.depth DESC`,
    [parentId],
  );
  return rows;
}

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string | null;
}

export async function findCategoryBySlug(tx: Tx, siteId: string, slug: string): Promise<CategoryRow | null> {
  const { rows } = await tx.client.query<CategoryRow>(`SELECT id, slug, name, description FROM cms_categories WHERE site_id = $1 AND slug = $2`, [siteId, slug]);
  return rows[0] ?? null;
}

export async function findCategoriesByIds(tx: Tx, siteId: string, ids: readonly string[]): Promise<CategoryRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.client.query<CategoryRow>(`SELECT id, slug, name, description FROM cms_categories WHERE site_id = $1 AND id = ANY($2::uuid[]) ORDER BY name`, [siteId, ids]);
  return rows;
}

export async function listCategories(tx: Tx, siteId: string): Promise<CategoryRow[]> {
  const { rows } = await tx.client.query<CategoryRow>(`SELECT id, slug, name, description FROM cms_categories WHERE site_id = $1 ORDER BY name LIMIT 1000`, [siteId]);
  return rows;
}

/**
 * French full-text search over the search documents (public, live only by construction; re-checked):
 * the site's own documents and those of articles syndicated to it, ranked together.
 */
export async function searchLive(tx: Tx, siteId: string, query: string, limit: number, offset: number): Promise<LiveContentRow[]> {
  const { rows } = await tx.client.query<LiveContentRow>(
    `WITH q AS (SELECT websearch_to_tsquery('french', immutable_unaccent($2)) AS query),
     hits AS (
       (SELECT d.content_id, ts_rank(d.search, q.query) AS rank, d.published_at
          FROM cms_search_documents d, q WHERE d.site_id = $1 AND d.search @@ q.query)
       UNION ALL
       (SELECT d.content_id, ts_rank(d.search, q.query) AS rank, d.published_at
          FROM cms_syndications s JOIN cms_search_documents d ON d.content_id = s.content_id, q
         WHERE s.target_site_id = $1 AND s.status IN ('offered', 'accepted') AND d.search @@ q.query)
       ORDER BY rank DESC, published_at DESC NULLS LAST, content_id
       LIMIT $3 OFFSET $4)
     SELECT ${LIVE_COLUMNS}, CASE WHEN c.site_id = $1 THEN NULL ELSE c.site_id END AS origin_site_id
       FROM hits
       JOIN cms_contents c ON c.id = hits.content_id
       JOIN cms_revisions r ON r.id = c.published_revision_id
      WHERE ${LIVE}
      ORDER BY hits.rank DESC, hits.published_at DESC NULLS LAST, c.id`,
    [siteId, query, limit, offset],
  );
  return rows;
}
