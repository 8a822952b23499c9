import type { Tx } from '../../../platform/db/index.js';
import { safeLinkHref } from '../rich-text/index.js';
import { findLivePaths, type MenuItemRow, type SiteRow } from './delivery.repository.js';
import { imageView, type MediaLoader } from './media-loader.js';
import { resolveTheme } from './theme.js';
import type { NavLink, SiteView } from './views.js';

export interface SiteMode {
  /** `''` on the site's own host, `/sites/<slug>` in embedded mode. */
  basePath: string;
}

/**
 * Preferred absolute base of a site: its first host name (always https: a public site on its own
 * name is served over TLS), else the embedded path on the app's public URL.
 */
export function canonicalBase(site: Pick<SiteRow, 'slug' | 'host_names'>, publicUrl: string): string {
  const host = site.host_names[0];
  if (host) return `https://${host}`;
  return `${publicUrl.replace(/\/$/, '')}/sites/${site.slug}`;
}

/** Site-relative path → href in the current mode (`/accueil` is the home page). */
export function hrefFor(basePath: string, path: string): string {
  if (path === '/accueil' || path === '/') return basePath || '/';
  return `${basePath}${path}`;
}

function collectContentIds(items: readonly MenuItemRow[] | undefined, into: Set<string>, depth = 0): Set<string> {
  if (!Array.isArray(items) || depth > 3) return into;
  for (const item of items) {
    if (typeof item?.contentId === 'string') into.add(item.contentId);
    collectContentIds(item?.children, into, depth + 1);
  }
  return into;
}

function menuLinks(items: readonly MenuItemRow[] | undefined, paths: Map<string, string>, basePath: string, depth = 0): NavLink[] {
  if (!Array.isArray(items) || depth > 3) return [];
  const links: NavLink[] = [];
  for (const item of items.slice(0, 50)) {
    if (typeof item?.label !== 'string' || item.label.trim() === '') continue;
    let href: string | null = null;
    // A menu entry to an item that is not live and public disappears (members-only stays hidden).
    if (typeof item.contentId === 'string') href = paths.has(item.contentId) ? hrefFor(basePath, paths.get(item.contentId)!) : null;
    else if (typeof item.url === 'string') {
      const safe = safeLinkHref(item.url);
      href = safe && safe.startsWith('/') ? `${basePath}${safe}` : safe;
    }
    if (!href) continue;
    const children = menuLinks(item.children, paths, basePath, depth + 1);
    links.push({ label: item.label.trim().slice(0, 100), href, ...(children.length > 0 ? { children } : {}) });
  }
  return links;
}

export async function buildSiteView(tx: Tx, site: SiteRow, mode: SiteMode, publicUrl: string, loadMedia: MediaLoader): Promise<SiteView> {
  const menus = site.menus ?? {};
  const ids = collectContentIds(menus.footer, collectContentIds(menus.main, new Set()));
  const paths = await findLivePaths(tx, site.id, [...ids]);
  const logoId = site.theme?.logoMediaId ?? null;
  const media = logoId ? await loadMedia(tx, [logoId]) : new Map();
  return {
    id: site.id,
    slug: site.slug,
    name: site.name,
    basePath: mode.basePath,
    absoluteBase: canonicalBase(site, publicUrl),
    theme: resolveTheme(site.theme),
    logo: logoId ? imageView(media.get(logoId), '') : null,
    footerText: typeof site.theme?.footerText === 'string' ? site.theme.footerText : '',
    mainMenu: menuLinks(menus.main, paths, mode.basePath),
    footerMenu: menuLinks(menus.footer, paths, mode.basePath),
  };
}
