import type { Tx } from '../../../platform/db/index.js';
import { ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { MediaUsageRefusedError, recordMediaUsage, releaseMediaUsage } from '../../media/index.js';
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

/** The site's logo, tracked as used by `cms.site`. */
export async function syncSiteLogoUsage(tx: Tx, siteId: string, logoMediaId: string | null): Promise<void> {
  const usedBy = { kind: 'cms.site', id: siteId };
  await releaseMediaUsage(tx, { usedBy });
  if (!logoMediaId) return;
  try {
    await recordMediaUsage(tx, { mediaId: logoMediaId, usedBy });
  } catch (error) {
    if (!(error instanceof MediaUsageRefusedError)) throw error;
    throw new ValidationError([{ pointer: '/theme/logoMediaId', message: error.errors[0]?.message ?? error.message }]);
  }
}
