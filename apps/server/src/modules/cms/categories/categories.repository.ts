import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import { cmsCategories } from '../contents/contents.tables.js';
import type { Category } from './categories.schema.js';

type CategoryRow = typeof cmsCategories.$inferSelect;

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    siteId: row.siteId,
    entityId: row.entityId,
    slug: row.slug,
    name: row.name,
    description: row.description,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listCategoryRows(tx: Tx, siteId: string): Promise<CategoryRow[]> {
  return tx.db.select().from(cmsCategories).where(eq(cmsCategories.siteId, siteId)).orderBy(asc(cmsCategories.name));
}

export async function findCategoryRow(tx: Tx, id: string, forUpdate = false): Promise<CategoryRow | null> {
  const query = tx.db.select().from(cmsCategories).where(eq(cmsCategories.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertCategoryRow(tx: Tx, row: typeof cmsCategories.$inferInsert): Promise<CategoryRow> {
  const [inserted] = await tx.db.insert(cmsCategories).values(row).returning();
  return inserted!;
}

export async function updateCategoryRow(tx: Tx, id: string, version: number, changes: Partial<typeof cmsCategories.$inferInsert>): Promise<CategoryRow | null> {
  const [row] = await tx.db
    .update(cmsCategories)
    .set({ ...changes, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(cmsCategories.id, id), eq(cmsCategories.version, version)))
    .returning();
  return row ?? null;
}

export async function deleteCategoryRow(tx: Tx, id: string): Promise<void> {
  await tx.db.delete(cmsCategories).where(eq(cmsCategories.id, id));
}

/** Working copies that still name the category (published revisions keep their snapshot). */
export async function categoryInUse(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await tx.client.query(`SELECT 1 FROM cms_contents WHERE fields->'categoryIds' ? $1 LIMIT 1`, [id]);
  return rows.length > 0;
}
