import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { mediaCollection } from './media.collection.js';
import { mediaFiles, mediaUsages, mediaVariants } from './media.tables.js';

export type MediaRow = typeof mediaFiles.$inferSelect;
export type MediaVariantRow = typeof mediaVariants.$inferSelect;
export type MediaUsageRow = typeof mediaUsages.$inferSelect;

export async function insertMedia(tx: Tx, row: typeof mediaFiles.$inferInsert, variants: Array<typeof mediaVariants.$inferInsert>): Promise<MediaRow> {
  const [inserted] = await tx.db.insert(mediaFiles).values(row).returning();
  if (variants.length > 0) await tx.db.insert(mediaVariants).values(variants);
  return inserted!;
}

/** The row the scope sees (RLS), or null; `lock` takes it FOR UPDATE (delete). */
export async function findMedia(tx: Tx, id: string, lock = false): Promise<MediaRow | null> {
  const query = tx.db.select().from(mediaFiles).where(eq(mediaFiles.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findMediaRows(tx: Tx, ids: readonly string[]): Promise<MediaRow[]> {
  if (ids.length === 0) return [];
  return tx.db.select().from(mediaFiles).where(inArray(mediaFiles.id, [...ids]));
}

/** Variants per media id, narrowest first. */
export async function variantsOf(tx: Tx, mediaIds: readonly string[]): Promise<Map<string, MediaVariantRow[]>> {
  const byMedia = new Map<string, MediaVariantRow[]>();
  if (mediaIds.length === 0) return byMedia;
  const rows = await tx.db
    .select()
    .from(mediaVariants)
    .where(inArray(mediaVariants.mediaId, [...mediaIds]))
    .orderBy(asc(mediaVariants.mediaId), asc(mediaVariants.width));
  for (const row of rows) byMedia.set(row.mediaId, [...(byMedia.get(row.mediaId) ?? []), row]);
  return byMedia;
}

export async function findVariant(tx: Tx, mediaId: string, width: number): Promise<MediaVariantRow | null> {
  const [row] = await tx.db
    .select()
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, mediaId), eq(mediaVariants.width, width)));
  return row ?? null;
}

export async function fetchMediaPage(tx: Tx, query: CollectionQuery, search: string | undefined): Promise<CollectionPage<MediaRow>> {
  return fetchPage<MediaRow>(tx, mediaCollection, query, { table: mediaFiles, ...(search ? { where: searchCondition(search) } : {}) });
}

/** Every word must appear in the file name, the title or the alt text. */
function searchCondition(search: string): SQL | undefined {
  const words = search.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const conditions = words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`(${mediaFiles.originalFilename} ILIKE ${pattern} OR ${mediaFiles.title} ILIKE ${pattern} OR ${mediaFiles.alt} ILIKE ${pattern})`;
  });
  return and(...conditions);
}

/** Alt text and title; null when the version moved on or the row is not visible. */
export async function updateMediaText(tx: Tx, id: string, expectedVersion: number | null, changes: { alt?: string | null; title?: string | null }): Promise<MediaRow | null> {
  const versionCheck = expectedVersion === null ? sql`TRUE` : eq(mediaFiles.version, expectedVersion);
  const [row] = await tx.db
    .update(mediaFiles)
    .set({ ...changes, version: sql`${mediaFiles.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(mediaFiles.id, id), versionCheck))
    .returning();
  return row ?? null;
}

export async function deleteMediaRow(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(mediaFiles).where(eq(mediaFiles.id, id));
}

export async function usagesOf(tx: Tx, mediaId: string): Promise<MediaUsageRow[]> {
  return tx.db.select().from(mediaUsages).where(eq(mediaUsages.mediaId, mediaId)).orderBy(asc(mediaUsages.createdAt), asc(mediaUsages.usedById));
}

export async function countUsages(tx: Tx, mediaId: string): Promise<number> {
  const [row] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(mediaUsages).where(eq(mediaUsages.mediaId, mediaId));
  return row?.n ?? 0;
}

export async function insertUsage(tx: Tx, usage: { mediaId: string; usedByKind: string; usedById: string; entityId: string }): Promise<void> {
  await tx.db.insert(mediaUsages).values(usage).onConflictDoNothing();
}

export async function deleteUsages(tx: Tx, usedBy: { kind: string; id: string }, mediaId?: string): Promise<number> {
  const rows = await tx.db
    .delete(mediaUsages)
    .where(and(eq(mediaUsages.usedByKind, usedBy.kind), eq(mediaUsages.usedById, usedBy.id), mediaId ? eq(mediaUsages.mediaId, mediaId) : undefined))
    .returning({ mediaId: mediaUsages.mediaId });
  return rows.length;
}
