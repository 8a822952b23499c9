import { and, asc, eq, getTableColumns, like, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { contentCollection } from './contents.collection.js';
import type { Content, ContentSummary } from './contents.schema.js';
import { cmsContents } from './contents.tables.js';

// Every query runs under the transaction's scope: RLS shows the contents of the caller's subtrees only.

export type ContentRow = typeof cmsContents.$inferSelect;
export type NewContentRow = typeof cmsContents.$inferInsert;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toContent(row: ContentRow): Content {
  const live = row.publishedRevisionId !== null;
  return {
    id: row.id,
    siteId: row.siteId,
    entityId: row.entityId,
    kind: row.kind,
    parentId: row.parentId,
    position: row.position,
    slug: row.slug,
    path: row.path,
    status: row.status,
    visibility: row.visibility,
    live,
    hasUnpublishedChanges: live && row.currentRevisionId !== row.publishedRevisionId,
    title: row.title,
    summary: row.summary,
    body: row.body,
    fields: row.fields,
    featured: row.featured,
    publishAt: iso(row.publishAt),
    unpublishAt: iso(row.unpublishAt),
    publishedAt: iso(row.publishedAt),
    lastPublishedAt: iso(row.lastPublishedAt),
    publishedRevisionId: row.publishedRevisionId,
    currentRevisionId: row.currentRevisionId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findContentRow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<ContentRow | null> {
  const query = tx.db.select().from(cmsContents).where(eq(cmsContents.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

const { body: _body, ...summaryColumns } = getTableColumns(cmsContents);

export async function fetchContentPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<ContentSummary>> {
  const page = await fetchPage<Omit<ContentRow, 'body'>>(tx, contentCollection, query, { table: cmsContents, columns: summaryColumns });
  return {
    ...page,
    items: page.items.map((row) => {
      const { body: _unused, ...summary } = toContent({ ...row, body: { type: 'doc' } });
      return summary;
    }),
  };
}

export async function insertContentRow(tx: Tx, row: NewContentRow): Promise<ContentRow> {
  const [inserted] = await tx.db.insert(cmsContents).values(row).returning();
  return inserted!;
}

/** Null when the version moved on (or the row is gone). */
export async function updateContentRow(tx: Tx, id: string, version: number, changes: Partial<NewContentRow>): Promise<ContentRow | null> {
  const [row] = await tx.db
    .update(cmsContents)
    .set({ ...changes, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(cmsContents.id, id), eq(cmsContents.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteContentRow(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(cmsContents).where(eq(cmsContents.id, id));
}

export async function listPageRows(tx: Tx, siteId: string): Promise<ContentRow[]> {
  return tx.db
    .select()
    .from(cmsContents)
    .where(and(eq(cmsContents.siteId, siteId), eq(cmsContents.kind, 'page')))
    .orderBy(asc(cmsContents.position), asc(cmsContents.title));
}

/** Rewrites the paths of a page's descendants after it moved or changed slug. */
export async function rewriteDescendantPaths(tx: Tx, siteId: string, oldPath: string, newPath: string): Promise<void> {
  const escaped = oldPath.replace(/[\\%_]/g, (c) => `\\${c}`);
  await tx.db
    .update(cmsContents)
    .set({ path: sql`${newPath} || substr(${cmsContents.path}, ${oldPath.length + 1})`, updatedAt: sql`now()`, version: sql`${cmsContents.version} + 1` })
    .where(and(eq(cmsContents.siteId, siteId), eq(cmsContents.kind, 'page'), like(cmsContents.path, `${escaped}/%`)));
}

/**
 * Puts a page at `rank` (0-based) among the pages of its parent and numbers them 0…n-1 in that
 * order, so a move is one call whatever the positions were before.
 */
export async function placeAmongSiblings(tx: Tx, page: { id: string; siteId: string; parentId: string | null }, rank: number): Promise<void> {
  const { rows } = await tx.client.query<{ id: string }>(
    `SELECT id FROM cms_contents WHERE site_id = $1 AND kind = 'page' AND parent_id IS NOT DISTINCT FROM $2 AND id <> $3 ORDER BY position, title, id`,
    [page.siteId, page.parentId, page.id],
  );
  const ordered = rows.map((row) => row.id);
  ordered.splice(Math.min(rank, ordered.length), 0, page.id);
  await tx.client.query(
    `UPDATE cms_contents c SET position = (o.n - 1)::int FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n)
      WHERE c.id = o.id AND c.position <> (o.n - 1)::int`,
    [ordered],
  );
}

export async function hasChildren(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.db.select({ id: cmsContents.id }).from(cmsContents).where(eq(cmsContents.parentId, id)).limit(1);
  return row !== undefined;
}
