import { escapeXml } from './xml.js';

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  summary: string | null;
  publishedAt: Date;
  updatedAt: Date;
  author?: string | null;
}

export interface FeedInput {
  /** Absolute URL of the feed itself (its id and rel=self). */
  feedUrl: string;
  /** Absolute URL of the HTML page the feed follows. */
  siteUrl: string;
  title: string;
  authorName: string;
  entries: readonly FeedEntry[];
  /** Used when there are no entries. */
  fallbackUpdated: Date;
}

/** An Atom 1.0 feed (RFC 4287). Entry ids are `urn:uuid:<content id>`: stable across URL changes. */
export function buildAtomFeed(input: FeedInput): string {
  const updated = input.entries.reduce((latest, entry) => (entry.updatedAt > latest ? entry.updatedAt : latest), new Date(0));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">',
    `<id>${escapeXml(input.feedUrl)}</id>`,
    `<title>${escapeXml(input.title)}</title>`,
    `<updated>${(input.entries.length > 0 ? updated : input.fallbackUpdated).toISOString()}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(input.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(input.siteUrl)}"/>`,
    `<author><name>${escapeXml(input.authorName)}</name></author>`,
  ];
  for (const entry of input.entries) {
    lines.push(
      '<entry>',
      `<id>urn:uuid:${escapeXml(entry.id)}</id>`,
      `<title type="text">${escapeXml(entry.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `<published>${entry.publishedAt.toISOString()}</published>`,
      `<updated>${entry.updatedAt.toISOString()}</updated>`,
      ...(entry.author ? [`<author><name>${escapeXml(entry.author)}</name></author>`] : []),
      ...(entry.summary ? [`<summary type="text">${escapeXml(entry.summary)}</summary>`] : []),
      '</entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

export interface SitemapUrl {
  loc: string;
  lastModified?: Date | null;
}

export const SITEMAP_MAX_URLS = 50_000;

/** A sitemaps.org 0.9 urlset (at most 50,000 URLs, the protocol's limit). */
export function buildSitemap(urls: readonly SitemapUrl[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const url of urls.slice(0, SITEMAP_MAX_URLS)) {
    lines.push(`<url><loc>${escapeXml(url.loc)}</loc>${url.lastModified ? `<lastmod>${url.lastModified.toISOString()}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>');
  return `${lines.join('\n')}\n`;
}

/** robots.txt of a site: everything may be crawled except search results and previews. */
export function buildRobots(input: { basePath: string; sitemapUrl: string }): string {
  return [`User-agent: *`, `Allow: ${input.basePath || '/'}`, `Disallow: ${input.basePath}/recherche`, `Disallow: ${input.basePath}/_preview`, `Sitemap: ${input.sitemapUrl}`, ''].join('\n');
}
