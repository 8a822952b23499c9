import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import { ConflictError, PreconditionFailedError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { applyMergePatch } from '../../../platform/http/merge-patch.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { withUniqueConflicts } from '../core/cms-errors.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { requireSiteRow } from '../sites/sites.service.js';
import { assertHolds, requireContentRow } from './content-access.js';
import { pathOf, RESERVED_PAGE_SLUGS } from './content-paths.js';
import { bodyProblems, EMPTY_BODY, plainTextOf, slugify, summaryProblems, titleProblems } from './content-text.js';
import {
  deleteContentRow,
  findContentRow,
  hasChildren,
  insertContentRow,
  placeAmongSiblings,
  rewriteDescendantPaths,
  toContent,
  updateContentRow,
  type ContentRow,
  type NewContentRow,
} from './contents.repository.js';
import type { Content, ContentPatch, CreateContent, MoveContent } from './contents.schema.js';
import type { ContentFields } from './contents.tables.js';
import { appendRevision, findRevisionRow, type RevisionSnapshot } from './revisions.repository.js';
import { syncContentMediaUsage } from './content-media.js';

const PATH_CONFLICTS = {
  cms_contents_site_path_unique: {
    code: 'content_path_taken',
    detail: 'Another content item of the site has this path.',
    error: { pointer: '/slug', message: 'Un autre contenu de ce site utilise déjà cette adresse : choisissez un autre identifiant.' },
  },
};

export async function createContent(deps: CmsDeps, actor: CmsActor, siteId: string, input: CreateContent): Promise<Content> {
  const body = input.body ?? EMPTY_BODY;
  const fields: ContentFields = input.fields ?? {};
  const errors = [...titleProblems(input.title), ...summaryProblems(input.summary), ...bodyProblems(input.body)];
  if (input.parentId && input.kind !== 'page') errors.push({ pointer: '/parentId', message: 'Seules les pages peuvent avoir une page parente.' });
  if (errors.length > 0) throw new ValidationError(errors);
  return withTransaction(deps.database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const site = await requireSiteRow(tx, siteId);
    const parent = input.parentId ? await requireParentPage(tx, site.id, input.parentId, '/parentId') : null;
    const slug = input.slug ?? slugify(input.title);
    assertSlugAllowed(input.kind, slug, parent, input.slug === undefined ? '/title' : '/slug');
    await assertFieldsBelongToSite(tx, site.id, fields);
    const id = newId();
    const row: NewContentRow = {
      id,
      entityId: site.entityId,
      siteId: site.id,
      kind: input.kind,
      parentId: parent?.id ?? null,
      slug,
      path: pathOf(input.kind, slug, parent?.path ?? null),
      visibility: input.visibility ?? 'public',
      featured: input.featured ?? false,
      title: input.title,
      summary: input.summary ?? null,
      body,
      fields,
      createdBy: actor.principal.userId,
      updatedBy: actor.principal.userId,
    };
    await withUniqueConflicts(() => insertContentRow(tx, row), PATH_CONFLICTS);
    const revision = await appendRevision(tx, {
      entityId: site.entityId,
      contentId: id,
      authorId: actor.principal.userId,
      title: input.title,
      summary: row.summary ?? null,
      body,
      fields,
      plainText: plainTextOf(body),
    });
    const created = await updateContentRow(tx, id, 1, { currentRevisionId: revision.id });
    await syncContentMediaUsage(tx, id, { body, fields }, []);
    await recordAudit(tx, {
      action: 'cms.content.created',
      resourceType: 'cms_content',
      resourceId: id,
      entityId: site.entityId,
      after: { kind: input.kind, title: input.title, path: row.path },
      actor: actor.audit,
    });
    return toContent(created!);
  });
}

/** `expected`: the version from If-Match, or `*`. */
export async function patchContent(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*', patch: ContentPatch): Promise<Content> {
  const errors = [...titleProblems(patch.title), ...summaryProblems(patch.summary), ...bodyProblems(patch.body)];
  if (errors.length > 0) throw new ValidationError(errors);
  return withTransaction(deps.database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const current = await requireContentRow(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const live = current.publishedRevisionId !== null;
    if (patch.publishAt !== undefined || patch.unpublishAt !== undefined || (patch.visibility !== undefined && live && patch.visibility !== current.visibility)) {
      assertHolds(actor, CMS_PERMISSIONS.publish, current.entityId, 'Scheduling, or changing the visibility of a live item, requires the publish permission.');
    }
    const changes: Partial<NewContentRow> = { updatedBy: actor.principal.userId };
    const snapshot = nextSnapshot(current, patch);
    if (snapshot.fields !== current.fields) await assertFieldsBelongToSite(tx, current.siteId, snapshot.fields);
    if (snapshot.changed) {
      const revision = await appendRevision(tx, { ...snapshot, entityId: current.entityId, contentId: id, authorId: actor.principal.userId });
      Object.assign(changes, { title: snapshot.title, summary: snapshot.summary, body: snapshot.body, fields: snapshot.fields, currentRevisionId: revision.id });
      // A new working copy must be reviewed again; the public keeps the published revision meanwhile.
      changes.status = 'draft';
      const published = current.publishedRevisionId ? await findRevisionRow(tx, id, current.publishedRevisionId) : null;
      await syncContentMediaUsage(tx, id, snapshot, published ? [published] : []);
    }
    if (patch.slug !== undefined && patch.slug !== current.slug) {
      const parent = current.parentId ? await findContentRow(tx, current.parentId) : null;
      assertSlugAllowed(current.kind, patch.slug, parent, '/slug');
      changes.slug = patch.slug;
      changes.path = pathOf(current.kind, patch.slug, parent?.path ?? null);
    }
    if (patch.visibility !== undefined) changes.visibility = patch.visibility;
    if (patch.featured !== undefined) changes.featured = patch.featured;
    if (patch.publishAt !== undefined) changes.publishAt = patch.publishAt === null ? null : new Date(patch.publishAt);
    if (patch.unpublishAt !== undefined) changes.unpublishAt = patch.unpublishAt === null ? null : new Date(patch.unpublishAt);
    if (changes.publishAt === null && current.status === 'scheduled' && !snapshot.changed) changes.status = 'in_review';
    const updated = await withUniqueConflicts(() => updateContentRow(tx, id, current.version, changes), PATH_CONFLICTS);
    if (!updated) throw new PreconditionFailedError();
    if (changes.path && current.kind === 'page') await rewriteDescendantPaths(tx, current.siteId, current.path, changes.path);
    await recordAudit(tx, {
      action: 'cms.content.updated',
      resourceType: 'cms_content',
      resourceId: id,
      entityId: current.entityId,
      before: { title: current.title, path: current.path, status: current.status, visibility: current.visibility },
      after: { title: updated.title, path: updated.path, status: updated.status, visibility: updated.visibility },
      actor: actor.audit,
    });
    return toContent(updated);
  });
}

/** Moves a page under another page of the same site (or to the top level); descendants follow. */
export async function moveContent(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*', input: MoveContent): Promise<Content> {
  return withTransaction(deps.database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const current = await requireContentRow(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (current.kind !== 'page') throw new ValidationError([{ pointer: '/parentId', message: 'Seules les pages se déplacent dans l’arborescence.' }]);
    const parent = input.parentId ? await requireParentPage(tx, current.siteId, input.parentId, '/parentId') : null;
    if (parent && (parent.id === id || parent.path.startsWith(`${current.path}/`))) {
      throw new ValidationError([{ pointer: '/parentId', message: 'Une page ne peut pas être placée sous elle-même ou sous une de ses sous-pages.' }]);
    }
    assertSlugAllowed('page', current.slug, parent, '/parentId');
    const path = pathOf('page', current.slug, parent?.path ?? null);
    const updated = await withUniqueConflicts(
      () => updateContentRow(tx, id, current.version, { parentId: parent?.id ?? null, path, updatedBy: actor.principal.userId }),
      { cms_contents_site_path_unique: { ...PATH_CONFLICTS.cms_contents_site_path_unique, error: { pointer: '/parentId', message: 'Une page de même identifiant existe déjà à cet endroit.' } } },
    );
    if (!updated) throw new PreconditionFailedError();
    if (path !== current.path) await rewriteDescendantPaths(tx, current.siteId, current.path, path);
    let moved = updated;
    if (input.position !== undefined) {
      await placeAmongSiblings(tx, { id, siteId: current.siteId, parentId: parent?.id ?? null }, input.position);
      moved = (await findContentRow(tx, id)) ?? updated;
    }
    await recordAudit(tx, {
      action: 'cms.content.moved',
      resourceType: 'cms_content',
      resourceId: id,
      entityId: current.entityId,
      before: { path: current.path },
      after: { path },
      actor: actor.audit,
    });
    return toContent(moved);
  });
}

/** Only an item that was never published (or is archived and not live) and has no sub-pages can be deleted. */
export async function removeContent(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*'): Promise<void> {
  await withTransaction(deps.database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const current = await requireContentRow(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (current.publishedRevisionId !== null) throw new ConflictError('A live item cannot be deleted: unpublish or archive it first.', 'content_live');
    if (await hasChildren(tx, id)) throw new ConflictError('The page has sub-pages.', 'content_has_children');
    await syncContentMediaUsage(tx, id, null, []);
    await deleteContentRow(tx, id);
    await recordAudit(tx, { action: 'cms.content.deleted', resourceType: 'cms_content', resourceId: id, entityId: current.entityId, before: { title: current.title, path: current.path }, actor: actor.audit });
  });
}

interface NextSnapshot extends RevisionSnapshot {
  changed: boolean;
}

function nextSnapshot(current: ContentRow, patch: ContentPatch): NextSnapshot {
  const title = patch.title ?? current.title;
  const summary = patch.summary !== undefined ? patch.summary : current.summary;
  const body = patch.body ?? current.body;
  const fields = patch.fields !== undefined ? applyMergePatch(current.fields, patch.fields) : current.fields;
  const changed =
    title !== current.title ||
    summary !== current.summary ||
    JSON.stringify(body) !== JSON.stringify(current.body) ||
    JSON.stringify(fields) !== JSON.stringify(current.fields);
  return { title, summary, body, fields, plainText: plainTextOf(body), changed };
}

async function requireParentPage(tx: Tx, siteId: string, parentId: string, pointer: string): Promise<ContentRow> {
  const parent = await findContentRow(tx, parentId);
  if (!parent || parent.siteId !== siteId || parent.kind !== 'page') {
    throw new ValidationError([{ pointer, message: "Cette page parente n'existe pas dans ce site." }]);
  }
  return parent;
}

function assertSlugAllowed(kind: string, slug: string, parent: ContentRow | null, pointer: string): void {
  if (kind === 'page' && parent === null && (RESERVED_PAGE_SLUGS as readonly string[]).includes(slug)) {
    throw new ValidationError([{ pointer, message: `L'identifiant « ${slug} » est réservé par le site : choisissez-en un autre.` }]);
  }
}

/** Category ids must be categories of the same site. */
async function assertFieldsBelongToSite(tx: Tx, siteId: string, fields: ContentFields): Promise<void> {
  const ids = fields.categoryIds ?? [];
  if (ids.length === 0) return;
  const { rows } = await tx.client.query<{ id: string }>('SELECT id FROM cms_categories WHERE site_id = $1 AND id = ANY($2::uuid[])', [siteId, ids]);
  const found = new Set(rows.map((row) => row.id));
  const errors: FieldError[] = ids.flatMap((categoryId, index) =>
    found.has(categoryId) ? [] : [{ pointer: `/fields/categoryIds/${index}`, message: "Cette catégorie n'existe pas dans ce site." }],
  );
  if (errors.length > 0) throw new ValidationError(errors);
}

