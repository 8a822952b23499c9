import type { Tx } from '../../../platform/db/index.js';
import type { ContentKind, ContentVisibility } from '../contents/contents.tables.js';
import { contentUrl } from './site-url.js';

/** The public face of a live content item, for other modules (AI indexing, search, caches). */
export interface PublishedContent {
  id: string;
  siteId: string;
  entityId: string;
  kind: ContentKind;
  title: string;
  path: string;
  /** Absolute when the site has a host name, else the embedded-mode path `/sites/<slug>/…`. */
  url: string;
  visibility: ContentVisibility;
  /** Title, summary and body of the published revision as plain text. */
  plainText: string;
  /** The published revision's number: changes exactly when what the public sees changes. */
  version: number;
  publishedAt: string;
}

/**
 * The published revision of a content item, or null when it is not live (or not visible under the
 * transaction's scope: use a system-scope transaction for network-wide indexing). Never the draft.
 */
export async function readPublishedContent(tx: Tx, contentId: string): Promise<PublishedContent | null> {
  const { rows } = await tx.client.query<{
    id: string;
    site_id: string;
    entity_id: string;
    kind: ContentKind;
    path: string;
    visibility: ContentVisibility;
    published_at: Date;
    title: string;
    summary: string | null;
    plain_text: string;
    number: number;
    slug: string;
    host_names: string[];
  }>(
    `SELECT c.id, c.site_id, c.entity_id, c.kind, c.path, c.visibility, c.published_at,
            r.title, r.summary, r.plain_text, r.number, s.slug, s.host_names
       FROM cms_contents c
       JOIN cms_revisions r ON r.id = c.published_revision_id
       JOIN cms_sites s ON s.id = c.site_id
      WHERE c.id = $1`,
    [contentId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    siteId: row.site_id,
    entityId: row.entity_id,
    kind: row.kind,
    title: row.title,
    path: row.path,
    url: contentUrl({ slug: row.slug, hostNames: row.host_names }, row.path),
    visibility: row.visibility,
    plainText: [row.title, row.summary, row.plain_text].filter((part) => part).join('\n\n'),
    version: row.number,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}
