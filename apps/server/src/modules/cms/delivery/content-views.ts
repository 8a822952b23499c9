import type { Tx } from '../../../platform/db/index.js';
import { collectMediaIds, renderRichText } from '../rich-text/index.js';
import { findAncestors, findCategoriesByIds, findSitesByIds, type LiveContentRow, type LiveContentWithBody } from './delivery.repository.js';
import type { MediaLoader } from './media-loader.js';
import { imageView } from './media-loader.js';
import { canonicalBase, hrefFor } from './site-view.js';
import type { ArticleView, ContentCard, SiteView } from './views.js';

/** Cards for a list of live rows: cover images and origin site names loaded in one go each. */
export async function toCards(tx: Tx, site: SiteView, rows: readonly LiveContentRow[], loadMedia: MediaLoader): Promise<ContentCard[]> {
  const coverIds = rows.map((row) => row.fields?.coverMediaId).filter((id): id is string => typeof id === 'string');
  const media = coverIds.length > 0 ? await loadMedia(tx, coverIds) : new Map();
  const originIds = [...new Set(rows.map((row) => row.origin_site_id).filter((id): id is string => id !== null))];
  const origins = new Map((await findSitesByIds(tx, originIds)).map((origin) => [origin.id, origin.name]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    href: hrefFor(site.basePath, row.path),
    publishedAt: new Date(row.published_at),
    cover: row.fields?.coverMediaId ? imageView(media.get(row.fields.coverMediaId), null) : null,
    originSiteName: row.origin_site_id ? (origins.get(row.origin_site_id) ?? null) : null,
  }));
}

/** The full view of an article, page or document, rich text rendered with its media. */
export async function toArticleView(tx: Tx, site: SiteView, row: LiveContentWithBody, publicUrl: string, loadMedia: MediaLoader): Promise<ArticleView> {
  const fields = row.fields ?? {};
  const mediaIds = [...collectMediaIds(row.body), ...[fields.coverMediaId, fields.documentMediaId].filter((id): id is string => typeof id === 'string')];
  const media = mediaIds.length > 0 ? await loadMedia(tx, mediaIds) : new Map();
  let canonicalUrl = `${site.absoluteBase}${row.path === '/accueil' ? '/' : row.path}`;
  let originSiteName: string | null = null;
  if (row.origin_site_id) {
    const [origin] = await findSitesByIds(tx, [row.origin_site_id]);
    if (origin) {
      canonicalUrl = `${canonicalBase(origin, publicUrl)}${row.path}`;
      originSiteName = origin.name;
    }
  }
  // Categories belong to the origin site: a syndicated copy lists none on the receiving site.
  const categories = row.origin_site_id ? [] : await findCategoriesByIds(tx, site.id, Array.isArray(fields.categoryIds) ? fields.categoryIds : []);
  const breadcrumb = row.kind === 'page' && row.parent_id ? (await findAncestors(tx, row.parent_id)).map((ancestor) => ({ label: ancestor.title, href: hrefFor(site.basePath, ancestor.path) })) : [];
  const document = typeof fields.documentMediaId === 'string' ? media.get(fields.documentMediaId) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    href: hrefFor(site.basePath, row.path),
    publishedAt: new Date(row.published_at),
    updatedAt: new Date(row.last_published_at ?? row.published_at),
    cover: fields.coverMediaId ? imageView(media.get(fields.coverMediaId), null) : null,
    originSiteName,
    bodyHtml: renderRichText(row.body, { resolveMedia: (id) => media.get(id) }),
    author: typeof fields.author === 'string' && fields.author.trim() !== '' ? fields.author.trim() : null,
    categories: categories.map((category) => ({ slug: category.slug, name: category.name, href: `${site.basePath}/categories/${category.slug}` })),
    tags: (Array.isArray(fields.tags) ? fields.tags : [])
      .filter((tag): tag is string => typeof tag === 'string' && tag.trim() !== '')
      .map((tag) => ({ label: tag, href: `${site.basePath}/etiquettes/${encodeURIComponent(tag)}` })),
    canonicalUrl,
    breadcrumb,
    download: document && /^(?:https?:\/\/|\/(?!\/))/.test(document.url) ? { href: document.url, label: `Télécharger le document « ${row.title} »` } : null,
  };
}

/** A meta description: the summary, else the beginning of the text, on one line. */
export function describe(summary: string | null, plainText: string, fallback: string): string {
  const source = (summary && summary.trim() !== '' ? summary : plainText).replace(/\s+/g, ' ').trim();
  if (source === '') return fallback;
  return source.length <= 160 ? source : `${source.slice(0, 157).replace(/\s+\S*$/, '')}…`;
}
