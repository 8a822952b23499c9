import type { Tx } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/http/errors.js';
import type { MediaSummary, MediaUsage } from '../library/media.schema.js';
import { deleteUsages, findMediaRows, insertUsage, variantsOf, type MediaUsageRow } from '../library/media.repository.js';
import { toMediaSummary } from '../library/media-view.js';

/** What uses a media file: a module-qualified kind (`cms.content`, `ai.document`) and the user's id. */
export interface MediaUser {
  kind: string;
  id: string;
}

const USED_BY_KIND = /^[a-z][a-z0-9_.-]{0,62}$/;

/** 422 for the caller to relay with its own pointer (the field that names the media). */
export class MediaUsageRefusedError extends AppError {
  constructor(code: 'media_not_found' | 'media_alt_required', readonly mediaId: string, message: string) {
    super(code, 422, 'Media cannot be used', message, [{ pointer: '/mediaId', message }]);
  }
}

/**
 * Records that `usedBy` uses the file, inside the caller's transaction (idempotent). The file must
 * be visible to the transaction's scope, and an image must have an alt text.
 */
export async function recordMediaUsage(tx: Tx, input: { mediaId: string; usedBy: MediaUser }): Promise<void> {
  if (!USED_BY_KIND.test(input.usedBy.kind)) throw new Error(`Invalid media user kind "${input.usedBy.kind}"`);
  const [media] = await findMediaRows(tx, [input.mediaId]);
  if (!media) throw new MediaUsageRefusedError('media_not_found', input.mediaId, "Ce fichier de la médiathèque est introuvable ou n'est pas accessible.");
  if (media.kind === 'image' && !media.alt) {
    throw new MediaUsageRefusedError(
      'media_alt_required',
      input.mediaId,
      `L'image « ${media.originalFilename} » n'a pas de texte alternatif : ajoutez-le dans la médiathèque avant de l'utiliser.`,
    );
  }
  await insertUsage(tx, { mediaId: media.id, usedByKind: input.usedBy.kind, usedById: input.usedBy.id, entityId: media.entityId });
}

/** Forgets the usages of `usedBy` (of one file, or of all when `mediaId` is omitted); returns how many went. */
export async function releaseMediaUsage(tx: Tx, input: { mediaId?: string; usedBy: MediaUser }): Promise<number> {
  return deleteUsages(tx, input.usedBy, input.mediaId);
}

/** Public facts of the files the transaction sees, in the order asked; unknown or hidden ids are left out. */
export async function readMediaSummary(tx: Tx, mediaIds: readonly string[]): Promise<MediaSummary[]> {
  const unique = [...new Set(mediaIds)];
  const rows = await findMediaRows(tx, unique);
  const variants = await variantsOf(tx, unique);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toMediaSummary(row, variants.get(id) ?? [])] : [];
  });
}

export function toMediaUsage(row: MediaUsageRow): MediaUsage {
  return { mediaId: row.mediaId, usedBy: { kind: row.usedByKind, id: row.usedById }, entityId: row.entityId, createdAt: row.createdAt.toISOString() };
}
