import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { ForbiddenError, ValidationError } from '../../../platform/http/errors.js';
import type { MediaFile } from '../library/media.schema.js';
import { toMediaFile } from '../library/media-view.js';
import { MEDIA_PERMISSIONS } from '../library/permissions.js';
import type { MediaStorage } from '../storage/media-storage.js';
import type { MediaUpload } from './read-upload.js';
import { insertPrepared, prepareMedia, removeObjects, writeObjects } from './store-media.js';

export interface MediaActor {
  principal: Principal;
  audit: AuditActor;
}

/** The entity the file is for: the one asked, or the caller's only one. */
export function uploadEntityOf(principal: Principal, requested: string | undefined): string {
  if (requested !== undefined) {
    if (!principal.holdsOn(MEDIA_PERMISSIONS.write, requested)) {
      throw new ForbiddenError("Vous n'avez pas le droit de déposer des fichiers pour cette structure.", 'media_entity_forbidden');
    }
    return requested;
  }
  const roots = principal.rootsFor(MEDIA_PERMISSIONS.write);
  if (roots.length === 1) return roots[0]!;
  throw new ValidationError([{ pointer: '/entityId', message: 'Indiquez la structure à laquelle ce fichier appartient.' }], 'The upload needs an entity.');
}

/**
 * Sniffs, processes (variants made synchronously, see ADR 0017), writes the objects, then inserts
 * the rows; objects are removed again if the insert fails, so no row ever points at a missing file.
 */
export async function uploadMedia(deps: { database: Database; storage: MediaStorage }, actor: MediaActor, upload: MediaUpload): Promise<MediaFile> {
  const entityId = uploadEntityOf(actor.principal, upload.entityId);
  const prepared = await prepareMedia({ entityId, fileName: upload.fileName, content: upload.content, createdBy: actor.principal.userId, alt: upload.alt ?? null, title: upload.title ?? null });
  await writeObjects(deps.storage, prepared);
  try {
    const scope = { kind: 'entities' as const, entityRoots: [entityId], userId: actor.principal.userId };
    const row = await withTransaction(deps.database, scope, async (tx) => {
      const inserted = await insertPrepared(tx, prepared);
      await recordAudit(tx, {
        action: 'media.file.uploaded',
        resourceType: 'media_file',
        resourceId: inserted.id,
        entityId,
        after: { kind: inserted.kind, mimeType: inserted.mimeType, byteSize: inserted.byteSize, sha256: inserted.sha256 },
        actor: actor.audit,
      });
      return inserted;
    });
    return toMediaFile(row, prepared.variants);
  } catch (error) {
    await removeObjects(deps.storage, prepared.objects.map((object) => object.key));
    throw error;
  }
}
