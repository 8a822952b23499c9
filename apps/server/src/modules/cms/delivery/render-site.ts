import type { Tx } from '../../../platform/db/index.js';
import { verifyPreviewToken } from '../preview/preview-token.js';
import { findCategoryBySlug, findLiveByPath, findRevisionForPreview, listCategories, listLive, listSitemapEntries, searchLive, type SiteRow } from './delivery.repository.js';
import { describe, toArticleView, toCards } from './content-views.js';
import { loadEventViews } from './event-views.js';
import { buildAtomFeed, buildRobots, buildSitemap, type SitemapUrl } from './feeds.js';
import { NOT_FOUND_CACHE_CONTROL, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from './http-caching.js';
import type { MediaLoader } from './media-loader.js';
import { buildSiteView, hrefFor } from './site-view.js';
import { renderContent, renderHome, renderList, renderNotFound, renderSearch } from './templates/content-templates.js';
import { renderEvents } from './templates/event-templates.js';
import { renderLayout } from './templates/layout.js';
import type { PageMeta, SiteView } from './views.js';

export interface RenderedResponse {
  status: number;
  contentType: string;
  body: string;
  cacheControl: string;
  /** False for responses that must not enter the shared cache (previews). */
  cacheable: boolean;
  /**
   * Set on pages that show events: the events module does not bump the site's publication
   * generation, and events drop off once over, so such pages are re-rendered after this long.
   */
  freshForMs?: number;
}

export interface RenderContext {
  tx: Tx;
  site: SiteRow;
  basePath: string;
  /** Site-relative path, `/` for the home page, without trailing slash. */
  path: string;
  query: { page?: number; q?: string; token?: string };
  publicUrl: string;
  previewSecret: string;
  loadMedia: MediaLoader;
}

const PAGE_SIZE = 12;
const FEED_SIZE = 20;
const HTML = 'text/html; charset=utf-8';
const HOME_EVENTS = 3;
const EVENTS_PAGE_SIZE = 50;
/** As long as `Cache-Control: max-age` lets browsers keep a page. */
export const EVENTS_FRESHNESS_MS = 60_000;

/** Renders any path of a public site (the caller caches the result by site generation). */
export async function renderSitePath(context: RenderContext): Promise<RenderedResponse> {
  const { tx, site: siteRow, basePath, path, publicUrl, loadMedia } = context;
  const site = await buildSiteView(tx, siteRow, { basePath }, publicUrl, loadMedia);
  const newsFeed = { title: `Actualités – ${site.name}`, href: `${basePath}/feed.xml` };
  const html = (status: number, meta: PageMeta, main: string, options: { wide?: boolean; cacheControl?: string; notice?: string; freshForMs?: number } = {}): RenderedResponse => ({
    status,
    contentType: HTML,
    body: renderLayout({ site, meta, main, ...(options.wide ? { mainClass: 'wide' } : {}), ...(options.notice ? { notice: options.notice } : {}) }),
    cacheControl: options.cacheControl ?? (status === 200 ? PUBLIC_CACHE_CONTROL : NOT_FOUND_CACHE_CONTROL),
    cacheable: options.cacheControl !== PRIVATE_CACHE_CONTROL,
    ...(options.freshForMs !== undefined ? { freshForMs: options.freshForMs } : {}),
  });
  const meta = (title: string, description: string, sitePath: string, extra: Partial<PageMeta> = {}): PageMeta => ({
    title,
    description,
    canonicalUrl: `${site.absoluteBase}${sitePath === '/' ? '/' : sitePath}`,
    ogType: 'website',
    ogImage: null,
    feeds: [newsFeed],
    ...extra,
  });
  const notFound = () => html(404, meta('Page introuvable', 'Cette page n’existe pas.', path, { noIndex: true }), renderNotFound(basePath));
  const page = context.query.page ?? 1;
  const pagination = (hasNext: boolean, hrefOf: (page: number) => string) => ({ page, hasNext, hrefOf });
  const pageHref = (listPath: string) => (target: number) => (target <= 1 ? `${basePath}${listPath}` : `${basePath}${listPath}?page=${target}`);
  const segments = path.split('/').filter((segment) => segment !== '');

  if (path === '/') {
    const intro = await findLiveByPath(tx, site.id, '/accueil');
    const [latest, featured, upcomingEvents] = await Promise.all([
      listLive(tx, site.id, { kind: 'article', withSyndicated: true }, 6, 0),
      listLive(tx, site.id, { kind: 'page', featured: true }, 6, 0),
      loadEventViews(tx, site, siteRow.entity_id, HOME_EVENTS, new Date()),
    ]);
    const introView = intro && intro.kind === 'page' ? await toArticleView(tx, site, intro, publicUrl, loadMedia) : null;
    const description = describe(intro?.summary ?? null, intro?.plain_text ?? '', `Le site de ${site.name}.`);
    const body = renderHome(
      { intro: introView, latest: await toCards(tx, site, latest, loadMedia), featured: await toCards(tx, site, featured.filter((row) => row.path !== '/accueil'), loadMedia), upcomingEvents },
      site.name,
      basePath,
    );
    return html(200, meta(site.name, description, '/'), body, { wide: true, freshForMs: EVENTS_FRESHNESS_MS });
  }

  if (path === '/evenements') {
    const events = await loadEventViews(tx, site, siteRow.entity_id, EVENTS_PAGE_SIZE, new Date());
    return html(200, meta('Événements', `Les prochains événements de ${site.name}.`, path), renderEvents(events), { freshForMs: EVENTS_FRESHNESS_MS });
  }

  if (path === '/actualites') {
    const rows = await listLive(tx, site.id, { kind: 'article', withSyndicated: true }, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    if (rows.length === 0 && page > 1) return notFound();
    const items = await toCards(tx, site, rows.slice(0, PAGE_SIZE), loadMedia);
    return html(200, meta('Actualités', `Les actualités de ${site.name}.`, path), renderList({ heading: 'Actualités', description: null, items, pagination: pagination(rows.length > PAGE_SIZE, pageHref(path)), feed: { title: 'S’abonner au flux Atom des actualités', href: newsFeed.href } }), { wide: true });
  }

  if (segments[0] === 'categories' && segments.length >= 2 && segments.length <= 3) {
    const category = await findCategoryBySlug(tx, site.id, segments[1]!);
    if (!category) return notFound();
    const listPath = `/categories/${category.slug}`;
    const feedHref = `${basePath}${listPath}/feed.xml`;
    if (segments.length === 3) {
      if (segments[2] !== 'feed.xml') return notFound();
      const rows = await listLive(tx, site.id, { kind: 'article', categoryId: category.id }, FEED_SIZE, 0);
      return feed(site, `${category.name} – ${site.name}`, `${site.absoluteBase}${listPath}/feed.xml`, `${site.absoluteBase}${listPath}`, rows, new Date(siteRow.changed_at));
    }
    const rows = await listLive(tx, site.id, { kind: 'article', categoryId: category.id }, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    if (rows.length === 0 && page > 1) return notFound();
    const items = await toCards(tx, site, rows.slice(0, PAGE_SIZE), loadMedia);
    const feedLink = { title: `S’abonner au flux Atom « ${category.name} »`, href: feedHref };
    return html(
      200,
      meta(category.name, category.description ?? `Les actualités « ${category.name} » de ${site.name}.`, listPath, { feeds: [newsFeed, { title: `${category.name} – ${site.name}`, href: feedHref }] }),
      renderList({ heading: category.name, description: category.description, items, pagination: pagination(rows.length > PAGE_SIZE, pageHref(listPath)), feed: feedLink }),
      { wide: true },
    );
  }

  if (segments[0] === 'etiquettes' && segments.length === 2) {
    const tag = safeDecode(segments[1]!);
    if (!tag || tag.length > 100) return notFound();
    const listPath = `/etiquettes/${encodeURIComponent(tag)}`;
    const rows = await listLive(tx, site.id, { kind: 'article', tag }, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    if (rows.length === 0) return notFound();
    const items = await toCards(tx, site, rows.slice(0, PAGE_SIZE), loadMedia);
    return html(200, meta(`Étiquette « ${tag} »`, `Les actualités avec l’étiquette « ${tag} ».`, listPath), renderList({ heading: `Étiquette « ${tag} »`, description: null, items, pagination: pagination(rows.length > PAGE_SIZE, pageHref(listPath)), feed: null }), { wide: true });
  }

  if (path === '/recherche') {
    const query = (context.query.q ?? '').trim().slice(0, 200);
    const rows = query === '' ? [] : await searchLive(tx, site.id, query, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    const items = await toCards(tx, site, rows.slice(0, PAGE_SIZE), loadMedia);
    const hrefOf = (target: number) => `${basePath}/recherche?q=${encodeURIComponent(query)}${target > 1 ? `&page=${target}` : ''}`;
    return html(200, meta(query ? `Recherche « ${query} »` : 'Rechercher', `Rechercher sur le site de ${site.name}.`, '/recherche', { noIndex: true }), renderSearch({ query, items, pagination: query ? pagination(rows.length > PAGE_SIZE, hrefOf) : null }, basePath), { wide: true });
  }

  if (path === '/feed.xml') {
    const rows = await listLive(tx, site.id, { kind: 'article', withSyndicated: true }, FEED_SIZE, 0);
    return feed(site, `Actualités – ${site.name}`, `${site.absoluteBase}/feed.xml`, `${site.absoluteBase}/actualites`, rows, new Date(siteRow.changed_at));
  }

  if (path === '/sitemap.xml') {
    const entries = await listSitemapEntries(tx, site.id);
    const categories = await listCategories(tx, site.id);
    const urls: SitemapUrl[] = [{ loc: `${site.absoluteBase}/` }, { loc: `${site.absoluteBase}/actualites` }, { loc: `${site.absoluteBase}/evenements` }];
    for (const entry of entries) {
      if (entry.path === '/accueil') continue;
      urls.push({ loc: `${site.absoluteBase}${entry.path}`, lastModified: new Date(entry.last_published_at ?? entry.published_at) });
    }
    for (const category of categories) urls.push({ loc: `${site.absoluteBase}/categories/${category.slug}` });
    return { status: 200, contentType: 'application/xml; charset=utf-8', body: buildSitemap(urls), cacheControl: PUBLIC_CACHE_CONTROL, cacheable: true };
  }

  if (path === '/robots.txt') {
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: buildRobots({ basePath, sitemapUrl: `${site.absoluteBase}/sitemap.xml` }), cacheControl: PUBLIC_CACHE_CONTROL, cacheable: true };
  }

  if (path === '/_preview') {
    const grant = context.query.token ? verifyPreviewToken(context.query.token, context.previewSecret) : null;
    const row = grant ? await findRevisionForPreview(tx, grant.contentId, grant.revisionId) : null;
    if (!row || row.site_id !== site.id) {
      return html(404, meta('Aperçu indisponible', 'Lien d’aperçu invalide ou expiré.', path, { noIndex: true }), '<h1>Aperçu indisponible</h1><p>Ce lien d’aperçu est invalide ou a expiré. Demandez un nouveau lien depuis l’espace de gestion.</p>', { cacheControl: PRIVATE_CACHE_CONTROL });
    }
    const view = await toArticleView(tx, site, row, publicUrl, loadMedia);
    return html(200, meta(view.title, describe(row.summary, row.plain_text, site.name), row.path, { noIndex: true }), renderContent(view), {
      cacheControl: PRIVATE_CACHE_CONTROL,
      notice: `Aperçu : cette version n’est pas publiée${row.visibility === 'members' ? ' (contenu réservé aux adhérents)' : ''}.`,
    });
  }

  const row = await findLiveByPath(tx, site.id, path);
  if (!row) return notFound();
  const view = await toArticleView(tx, site, row, publicUrl, loadMedia);
  return html(
    200,
    {
      ...meta(view.title, describe(row.summary, row.plain_text, site.name), row.path === '/accueil' ? '/' : row.path),
      canonicalUrl: view.canonicalUrl,
      ogType: row.kind === 'article' ? 'article' : 'website',
      ogImage: view.cover ? absolute(view.cover.src, site) : null,
      ...(row.kind === 'article' ? { publishedAt: view.publishedAt } : {}),
    },
    renderContent(view),
  );
}

function feed(site: SiteView, title: string, feedUrl: string, siteUrl: string, rows: Awaited<ReturnType<typeof listLive>>, changedAt: Date): RenderedResponse {
  const body = buildAtomFeed({
    feedUrl,
    siteUrl,
    title,
    authorName: site.name,
    fallbackUpdated: changedAt,
    entries: rows.map((row) => ({
      id: row.id,
      title: row.title,
      url: `${site.absoluteBase}${hrefFor('', row.path)}`,
      summary: row.summary,
      publishedAt: new Date(row.published_at),
      updatedAt: new Date(row.last_published_at ?? row.published_at),
      author: row.fields?.author ?? null,
    })),
  });
  return { status: 200, contentType: 'application/atom+xml; charset=utf-8', body, cacheControl: PUBLIC_CACHE_CONTROL, cacheable: true };
}

function absolute(src: string, site: SiteView): string {
  if (/^https?:\/\//.test(src)) return src;
  return `${new URL(site.absoluteBase).origin}${src}`;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
