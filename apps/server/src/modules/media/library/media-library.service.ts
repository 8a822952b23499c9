import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import type { MediaFile, MediaUsage, PatchMedia } from './media.schema.js';
import { countUsages, deleteMediaRow, fetchMediaPage, findMedia, updateMediaText, usagesOf, variantsOf } from './media.repository.js';
import { toMediaFile } from './media-view.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { toMediaUsage } from '../usages/media-usages.js';

export async function listMedia(database: Database, scope: DbScope, query: CollectionQuery, search: string | undefined): Promise<CollectionPage<MediaFile>> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const page = await fetchMediaPage(tx, query, search);
      const variants = await variantsOf(tx, page.items.map((row) => row.id));
      return { ...page, items: page.items.map((row) => toMediaFile(row, variants.get(row.id) ?? [])) };
    },
    { readOnly: true },
  );
}

/** 404 for a file outside the scope as for a missing one: existence never leaks across branches. */
export async function getMedia(database: Database, scope: DbScope, id: string): Promise<MediaFile> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const row = await findMedia(tx, id);
      if (!row) throw new NotFoundError('Media file');
      return toMediaFile(row, (await variantsOf(tx, [id])).get(id) ?? []);
    },
    { readOnly: true },
  );
}

/** Alt text and title (JSON Merge Patch, If-Match). An image in use keeps an alt text. */
export async function patchMedia(database: Database, scope: DbScope, actor: AuditActor, id: string, expectedVersion: number | null, patch: PatchMedia): Promise<MediaFile> {
  return withTransaction(database, scope, async (tx) => {
    const before = await findMedia(tx, id, true);
    if (!before) throw new NotFoundError('Media file');
    const changes: { alt?: string | null; title?: string | null } = {};
    if (patch.alt !== undefined) changes.alt = patch.alt === null ? null : patch.alt.trim() || null;
    if (patch.title !== undefined) changes.title = patch.title === null ? null : patch.title.trim() || null;
    if (before.kind === 'image' && changes.alt === null && (await countUsages(tx, id)) > 0) {
      throw new ConflictError("Cette image est utilisée dans des contenus : elle doit garder un texte alternatif.", 'media_alt_required_in_use', [
        { pointer: '/alt', message: 'Le texte alternatif ne peut pas être retiré tant que l’image est utilisée.' },
      ]);
    }
    const row = await updateMediaText(tx, id, expectedVersion, changes);
    if (!row) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'media.file.updated',
      resourceType: 'media_file',
      resourceId: id,
      entityId: row.entityId,
      before: { alt: before.alt, title: before.title },
      after: { alt: row.alt, title: row.title },
      actor,
    });
    return toMediaFile(row, (await variantsOf(tx, [id])).get(id) ?? []);
  });
}

/**
 * Refused (409, with the list of users) while any content uses the file; the objects are removed
 * after the commit. The foreign key of media_usages refuses the delete as well if a usage is
 * recorded concurrently.
 */
export async function deleteMedia(deps: { database: Database; storage: MediaStorage }, scope: DbScope, actor: AuditActor, id: string, expectedVersion: number | null): Promise<void> {
  const keys = await withTransaction(deps.database, scope, async (tx) => {
    const row = await findMedia(tx, id, true);
    if (!row) throw new NotFoundError('Media file');
    if (expectedVersion !== null && expectedVersion !== row.version) throw new PreconditionFailedError();
    const usages = await usagesOf(tx, id);
    if (usages.length > 0) {
      const users = usages.map((usage) => `${usage.usedByKind} ${usage.usedById}`);
      throw new ConflictError(
        `Ce fichier est encore utilisé (${usages.length} utilisation${usages.length > 1 ? 's' : ''}) : retirez-le de ces contenus avant de le supprimer.`,
        'media_in_use',
        usages.map((usage, index) => ({ pointer: `/usages/${index}`, message: users[index]! })),
      );
    }
    const variants = (await variantsOf(tx, [id])).get(id) ?? [];
    await deleteMediaRow(tx, id);
    await recordAudit(tx, {
      action: 'media.file.deleted',
      resourceType: 'media_file',
      resourceId: id,
      entityId: row.entityId,
      before: { kind: row.kind, mimeType: row.mimeType, sha256: row.sha256 },
      actor,
    });
    return [row.storageKey, ...variants.map((variant) => variant.storageKey)];
  });
  for (const key of keys) await deps.storage.delete(key).catch(() => undefined);
}

export async function listMediaUsages(database: Database, scope: DbScope, id: string): Promise<MediaUsage[]> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      if (!(await findMedia(tx, id))) throw new NotFoundError('Media file');
      return (await usagesOf(tx, id)).map(toMediaUsage);
    },
    { readOnly: true },
  );
}
