import type { MessageBus } from '../../../platform/bus/index.js';
import type { Tx } from '../../../platform/db/index.js';
import { ContentPublished, ContentUnpublished } from '../core/cms.messages.js';
import { syncContentMediaUsage } from '../contents/content-media.js';
import { updateContentRow, type ContentRow } from '../contents/contents.repository.js';

/**
 * Makes the working copy the published revision and announces it, inside the caller's transaction
 * (API approval or scheduled publication). The reader-facing date is kept across re-publications.
 */
export async function publishCurrentRevision(tx: Tx, bus: MessageBus, content: ContentRow, now: Date, userId: string | null): Promise<ContentRow | null> {
  const updated = await updateContentRow(tx, content.id, content.version, {
    status: 'published',
    publishedRevisionId: content.currentRevisionId,
    publishedAt: content.publishedAt ?? now,
    lastPublishedAt: now,
    publishAt: null,
    reviewRequestedBy: null,
    updatedBy: userId,
  });
  if (updated) {
    // The published revision is now the working copy: only its files stay in use.
    await syncContentMediaUsage(tx, content.id, null, [updated]);
    await bus.send(tx, ContentPublished, { contentId: content.id, siteId: content.siteId });
  }
  return updated;
}

/** Takes an item off the public site (its revisions stay); `archive` also closes its workflow. */
export async function takeOffline(tx: Tx, bus: MessageBus, content: ContentRow, options: { archive: boolean; userId: string | null }): Promise<ContentRow | null> {
  const wasLive = content.publishedRevisionId !== null;
  const status = options.archive ? 'archived' : content.status === 'published' ? 'draft' : content.status;
  const updated = await updateContentRow(tx, content.id, content.version, {
    status,
    publishedRevisionId: null,
    publishedAt: null,
    unpublishAt: null,
    ...(options.archive ? { publishAt: null } : {}),
    updatedBy: options.userId,
  });
  if (updated) await syncContentMediaUsage(tx, content.id, null, [updated]);
  if (updated && wasLive) await bus.send(tx, ContentUnpublished, { contentId: content.id, siteId: content.siteId });
  return updated;
}
