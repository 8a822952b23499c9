import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { siteCollection } from './sites.collection.js';
import type { Site } from './sites.schema.js';
import { cmsSites } from './sites.tables.js';

export type SiteRow = typeof cmsSites.$inferSelect;

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    entityId: row.entityId,
    slug: row.slug,
    name: row.name,
    theme: row.theme,
    hostNames: row.hostNames,
    menus: row.menus,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findSiteRow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<SiteRow | null> {
  const query = tx.db.select().from(cmsSites).where(eq(cmsSites.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findSiteOfEntity(tx: Tx, entityId: string): Promise<SiteRow | null> {
  const [row] = await tx.db.select().from(cmsSites).where(eq(cmsSites.entityId, entityId));
  return row ?? null;
}

export async function fetchSitePage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Site>> {
  const page = await fetchPage<SiteRow>(tx, siteCollection, query, { table: cmsSites });
  return { ...page, items: page.items.map(toSite) };
}

export async function insertSiteRow(tx: Tx, row: typeof cmsSites.$inferInsert): Promise<SiteRow> {
  const [inserted] = await tx.db.insert(cmsSites).values(row).returning();
  return inserted!;
}

export async function updateSiteRow(tx: Tx, id: string, version: number, changes: Partial<typeof cmsSites.$inferInsert>): Promise<SiteRow | null> {
  const [row] = await tx.db
    .update(cmsSites)
    .set({ ...changes, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(cmsSites.id, id), eq(cmsSites.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteSiteRow(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(cmsSites).where(eq(cmsSites.id, id));
}

/** Host names already used by another site (checked under the system scope: sites of other branches count). */
export async function hostNamesTaken(tx: Tx, hostNames: readonly string[], exceptSiteId: string | null): Promise<string[]> {
  if (hostNames.length === 0) return [];
  const { rows } = await tx.client.query<{ host: string }>(
    `SELECT DISTINCT h AS host FROM cms_sites, unnest(host_names) AS h WHERE h = ANY($1::text[]) AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [hostNames, exceptSiteId],
  );
  return rows.map((row) => row.host);
}

export async function siteHasContent(tx: Tx, siteId: string): Promise<boolean> {
  const { rows } = await tx.client.query('SELECT 1 FROM cms_contents WHERE site_id = $1 LIMIT 1', [siteId]);
  return rows.length > 0;
}
