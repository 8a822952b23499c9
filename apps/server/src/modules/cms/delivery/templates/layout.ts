import type { PageMeta, SiteView } from '../views.js';
import { siteStyles } from './styles.js';
import { escapeAttribute, escapeHtml, imageElement, navList } from './format.js';

export interface LayoutInput {
  site: SiteView;
  meta: PageMeta;
  main: string;
  /** Extra class of <main> (`wide` for card grids). */
  mainClass?: string;
  /** A banner above the content (preview notice). */
  notice?: string;
}

/**
 * The document around every template: `lang="fr"`, a skip link to <main>, banner / navigation /
 * search / main / contentinfo landmarks, canonical and Open Graph meta. No script at all.
 */
export function renderLayout({ site, meta, main, mainClass, notice }: LayoutInput): string {
  const title = meta.title === site.name ? site.name : `${meta.title} – ${site.name}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeAttribute(meta.description)}">`,
    `<link rel="canonical" href="${escapeAttribute(meta.canonicalUrl)}">`,
    meta.noIndex ? '<meta name="robots" content="noindex">' : '',
    `<meta property="og:type" content="${meta.ogType}">`,
    `<meta property="og:title" content="${escapeAttribute(meta.title)}">`,
    `<meta property="og:description" content="${escapeAttribute(meta.description)}">`,
    `<meta property="og:url" content="${escapeAttribute(meta.canonicalUrl)}">`,
    `<meta property="og:site_name" content="${escapeAttribute(site.name)}">`,
    '<meta property="og:locale" content="fr_FR">',
    meta.ogImage ? `<meta property="og:image" content="${escapeAttribute(meta.ogImage)}">` : '',
    meta.publishedAt ? `<meta property="article:published_time" content="${meta.publishedAt.toISOString()}">` : '',
    ...meta.feeds.map((feed) => `<link rel="alternate" type="application/atom+xml" title="${escapeAttribute(feed.title)}" href="${escapeAttribute(feed.href)}">`),
    `<style>${siteStyles(site.theme)}</style>`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  const home = site.basePath || '/';
  const header = `<header class="site-header"><div class="wrap">
<a class="brand" href="${escapeAttribute(home)}">${site.logo ? imageElement({ ...site.logo, alt: '' }, '12rem') : ''}<span>${escapeHtml(site.name)}</span></a>
${site.mainMenu.length > 0 ? `<nav aria-label="Navigation principale">${navList(site.mainMenu)}</nav>` : ''}
<form role="search" action="${escapeAttribute(`${site.basePath}/recherche`)}" method="get"><label for="recherche-site">Rechercher sur le site</label><input id="recherche-site" name="q" type="search" autocomplete="off"><button type="submit">Rechercher</button></form>
</div></header>`;
  const footer = `<footer class="site-footer"><div class="wrap">
${site.footerText ? `<p>${escapeHtml(site.footerText)}</p>` : ''}
<nav aria-label="Liens de pied de page">${navList([
    ...site.footerMenu,
    { label: 'Actualités', href: `${site.basePath}/actualites` },
    { label: 'Événements', href: `${site.basePath}/evenements` },
    { label: 'Flux Atom des actualités', href: `${site.basePath}/feed.xml` },
  ])}</nav>
</div></footer>`;
  return `<!doctype html>
<html lang="fr">
<head>
${head}
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
${header}
<main id="contenu" tabindex="-1"${mainClass ? ` class="${mainClass}"` : ''}>
${notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
${main}
</main>
${footer}
</body>
</html>
`;
}
