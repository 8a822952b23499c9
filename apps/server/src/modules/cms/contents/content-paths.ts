import type { ContentKind } from './contents.tables.js';

/** Fixed prefixes of non-page content; a top-level page cannot take these slugs. */
export const RESERVED_PAGE_SLUGS = ['actualites', 'documents', 'categories', 'etiquettes', 'recherche', 'sitemap-xml', 'flux'] as const;

/** The site-relative path of an item: pages follow their parent, articles and documents have a fixed prefix. */
export function pathOf(kind: ContentKind, slug: string, parentPath: string | null): string {
  if (kind === 'article') return `/actualites/${slug}`;
  if (kind === 'document') return `/documents/${slug}`;
  return `${parentPath ?? ''}/${slug}`;
}
