import type { Tx } from '../../../platform/db/index.js';
import { ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { MediaUsageRefusedError, readMediaSummary, recordMediaUsage, releaseMediaUsage } from '../../media/index.js';
import { collectMediaIds, type RichTextDocument } from '../rich-text/index.js';
import type { ContentFields } from './contents.tables.js';

interface MediaSource {
  body: RichTextDocument;
  fields: ContentFields;
}

/** The media library files a snapshot uses, with the pointer of the field that names each. */
function mediaOf(snapshot: MediaSource): Array<{ id: string; pointer: string }> {
  const found: Array<{ id: string; pointer: string }> = [];
  if (snapshot.fields.coverMediaId) found.push({ id: snapshot.fields.coverMediaId, pointer: '/fields/coverMediaId' });
  if (snapshot.fields.documentMediaId) found.push({ id: snapshot.fields.documentMediaId, pointer: '/fields/documentMediaId' });
  for (const id of collectMediaIds(snapshot.body)) found.push({ id, pointer: '/body' });
  return found;
}

/**
 * Records which library files a content item uses (`cms.content`, its id): those of the working
 * copy being saved (`validate`: refused files are 422s with the field's pointer) and those of the
 * revisions that must stay renderable (`keep`: the published one). The media module then refuses
 * to delete a file in use.
 */
export async function syncContentMediaUsage(tx: Tx, contentId: string, validate: MediaSource | null, keep: MediaSource[]): Promise<void> {
  const usedBy = { kind: 'cms.content', id: contentId };
  await releaseMediaUsage(tx, { usedBy });
  const errors: FieldError[] = [];
  const done = new Set<string>();
  for (const { id, pointer } of validate ? mediaOf(validate) : []) {
    if (done.has(id)) continue;
    done.add(id);
    try {
      await recordMediaUsage(tx, { mediaId: id, usedBy });
    } catch (error) {
      if (!(error instanceof MediaUsageRefusedError)) throw error;
      errors.push({ pointer, message: error.errors[0]?.message ?? error.message });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
  for (const { id } of keep.flatMap(mediaOf)) {
    if (done.has(id)) continue;
    done.add(id);
    // Already checked when that revision was saved; a file that became unusable since is not tracked again.
    await recordMediaUsage(tx, { mediaId: id, usedBy }).catch((error: unknown) => {
      if (!(error instanceof MediaUsageRefusedError)) throw error;
    });
  }
}

/**
 * The site's logo, tracked as used by `cms.site`: an image (with its alt text) that the site's own
 * entity can read, so the site's staff can see and replace it (a file of a parent entity is refused).
 */
export async function syncSiteLogoUsage(tx: Tx, site: { id: string; entityId: string }, logoMediaId: string | null): Promise<void> {
  const usedBy = { kind: 'cms.site', id: site.id };
  await releaseMediaUsage(tx, { usedBy });
  if (!logoMediaId) return;
  const refuse = (message: string) => new ValidationError([{ pointer: '/theme/logoMediaId', message }]);
  const [media] = await readMediaSummary(tx, [logoMediaId]);
  if (media && media.kind !== 'image') throw refuse('Le logo doit être une image de la médiathèque.');
  if (media && !(await entityReads(tx, site.entityId, media.entityId))) {
    throw refuse("Ce fichier appartient à une autre structure : déposez le logo dans la médiathèque de la structure du site.");
  }
  try {
    await recordMediaUsage(tx, { mediaId: logoMediaId, usedBy });
  } catch (error) {
    if (!(error instanceof MediaUsageRefusedError)) throw error;
    throw refuse(error.errors[0]?.message ?? error.message);
  }
}

/** Whether `readerId` sees the rows of `ownerId` (itself or a descendant, as RLS scopes do). */
async function entityReads(tx: Tx, readerId: string, ownerId: string): Promise<boolean> {
  const { rows } = await tx.client.query('SELECT 1 FROM entity_tree_paths WHERE ancestor_id = $1 AND descendant_id = $2', [readerId, ownerId]);
  return rows.length > 0;
}
