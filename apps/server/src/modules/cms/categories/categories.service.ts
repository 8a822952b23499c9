import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import { withUniqueConflicts } from '../core/cms-errors.js';
import { slugify } from '../contents/content-text.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { requireSiteRow } from '../sites/sites.service.js';
import { categoryInUse, deleteCategoryRow, findCategoryRow, insertCategoryRow, listCategoryRows, toCategory, updateCategoryRow } from './categories.repository.js';
import type { Category, CategoryPatch, CreateCategory } from './categories.schema.js';

const SLUG_CONFLICT = {
  cms_categories_site_slug_unique: {
    code: 'category_slug_taken',
    detail: 'Another category of the site has this slug.',
    error: { pointer: '/slug', message: 'Une autre catégorie de ce site utilise déjà cet identifiant.' },
  },
};

async function requireCategory(tx: Tx, id: string, forUpdate = false) {
  const row = await findCategoryRow(tx, id, forUpdate);
  if (!row) throw new NotFoundError('Category');
  return row;
}

export async function listCategories(database: Database, scope: DbScope, siteId: string): Promise<Category[]> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      await requireSiteRow(tx, siteId);
      return (await listCategoryRows(tx, siteId)).map(toCategory);
    },
    { readOnly: true },
  );
}

export async function createCategory(database: Database, actor: CmsActor, siteId: string, input: CreateCategory): Promise<Category> {
  return withTransaction(database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const site = await requireSiteRow(tx, siteId);
    const row = await withUniqueConflicts(
      () =>
        insertCategoryRow(tx, {
          id: newId(),
          entityId: site.entityId,
          siteId,
          slug: input.slug ?? slugify(input.name),
          name: input.name,
          description: input.description ?? null,
        }),
      SLUG_CONFLICT,
    );
    await recordAudit(tx, { action: 'cms.category.created', resourceType: 'cms_category', resourceId: row.id, entityId: site.entityId, after: { name: row.name }, actor: actor.audit });
    return toCategory(row);
  });
}

export async function patchCategory(database: Database, actor: CmsActor, id: string, expected: number | '*', patch: CategoryPatch): Promise<Category> {
  return withTransaction(database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const current = await requireCategory(tx, id, true);
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const updated = await withUniqueConflicts(
      () =>
        updateCategoryRow(tx, id, current.version, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
        }),
      SLUG_CONFLICT,
    );
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'cms.category.updated',
      resourceType: 'cms_category',
      resourceId: id,
      entityId: current.entityId,
      before: { name: current.name, slug: current.slug },
      after: { name: updated.name, slug: updated.slug },
      actor: actor.audit,
    });
    return toCategory(updated);
  });
}

export async function removeCategory(database: Database, actor: CmsActor, id: string, expected: number | '*'): Promise<void> {
  await withTransaction(database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const current = await requireCategory(tx, id, true);
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (await categoryInUse(tx, id)) throw new ConflictError('Content items still use this category.', 'category_in_use');
    await deleteCategoryRow(tx, id);
    await recordAudit(tx, { action: 'cms.category.deleted', resourceType: 'cms_category', resourceId: id, entityId: current.entityId, before: { name: current.name }, actor: actor.audit });
  });
}
