import type { MessageBus, MessageDefinition } from '../../../../platform/bus/index.js';
import { newId, withTransaction, type Database, type Tx } from '../../../../platform/db/index.js';
import { sha256 } from '../chunking/chunk-text.js';
import { indexSource } from './index-sources.js';

/** What the CMS exposes to other modules (contract in the brief: `readPublishedContent` of `modules/cms/index.ts`). */
export interface PublishedContent {
  id: string;
  siteId: string;
  entityId: string;
  kind: 'page' | 'article' | 'document';
  title: string;
  path: string;
  url: string;
  visibility: 'public' | 'members';
  plainText: string;
  version: number | string;
  publishedAt: string | Date;
}

export interface CmsPort {
  ContentPublished: MessageDefinition;
  ContentUnpublished: MessageDefinition;
  readPublishedContent(tx: Tx, contentId: string): Promise<PublishedContent | null>;
}

/**
 * Both messages run the same idempotent sync: what is published now is (re)indexed, what is not is
 * removed with its chunks. Redelivered or reordered messages therefore converge on the CMS's state.
 */
export function registerCmsIndexing(bus: MessageBus, database: Database, cms: CmsPort, afterIndexing?: (tx: Tx, sourceIds: readonly string[]) => Promise<void>): void {
  const sync = async (payload: unknown) => {
    const { contentId } = payload as { contentId: string };
    await withTransaction(database, { kind: 'system' }, async (tx) => {
      if ((await syncCmsContent(tx, cms, contentId)) === 'removed' || !afterIndexing) return;
      const { rows } = await tx.client.query<{ id: string }>(`SELECT id FROM ai_sources WHERE source_type = 'cms-content' AND source_id = $1`, [contentId]);
      await afterIndexing(tx, rows.map((row) => row.id));
    });
  };
  bus.handle(cms.ContentPublished, sync);
  bus.handle(cms.ContentUnpublished, sync);
}

export async function syncCmsContent(tx: Tx, cms: Pick<CmsPort, 'readPublishedContent'>, contentId: string): Promise<'indexed' | 'unchanged' | 'removed'> {
  const content = await cms.readPublishedContent(tx, contentId);
  if (!content || content.plainText.trim() === '') {
    await tx.client.query(`DELETE FROM ai_sources WHERE source_type = 'cms-content' AND source_id = $1`, [contentId]);
    return 'removed';
  }
  const text = content.plainText.replace(/\r\n?/g, '\n').normalize('NFC');
  const { rows } = await tx.client.query<{ id: string }>(
    `INSERT INTO ai_sources (id, source_id, entity_id, source_type, site_id, title, url, external_ref, external_version, visibility, text, content_hash)
     VALUES ($1, $2, $3, 'cms-content', $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (source_type, source_id) DO UPDATE SET
       entity_id = excluded.entity_id, site_id = excluded.site_id, title = excluded.title, url = excluded.url,
       external_ref = excluded.external_ref, external_version = excluded.external_version, visibility = excluded.visibility,
       text = excluded.text, content_hash = excluded.content_hash,
       status = CASE WHEN ai_sources.content_hash = excluded.content_hash AND ai_sources.title = excluded.title
                      AND ai_sources.visibility = excluded.visibility AND ai_sources.entity_id = excluded.entity_id THEN ai_sources.status ELSE 'pending' END,
       updated_at = now()
     RETURNING id`,
    [newId(), content.id, content.entityId, content.siteId, content.title, content.url, content.path, String(content.version), content.visibility, text, sha256(text)],
  );
  const outcome = await indexSource(tx, rows[0]!.id);
  return outcome === 'unchanged' ? 'unchanged' : 'indexed';
}
