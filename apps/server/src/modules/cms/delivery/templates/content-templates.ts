import type { ArticleView, ContentCard, HomeView, ListView, Pagination, SearchView } from '../views.js';
import { renderUpcomingEvents } from './event-templates.js';
import { escapeAttribute, escapeHtml, imageElement, timeElement } from './format.js';

/** A list of cards; `headingLevel` keeps the outline in order (h2 under a page h1, h3 under a section h2). */
export function cardList(items: readonly ContentCard[], headingLevel: 2 | 3): string {
  if (items.length === 0) return '<p>Aucun contenu pour le moment.</p>';
  return `<ul class="cards">${items
    .map(
      (item) => `<li class="card">
${item.cover ? imageElement(item.cover) : ''}
<h${headingLevel}><a href="${escapeAttribute(item.href)}">${escapeHtml(item.title)}</a></h${headingLevel}>
${item.kind === 'article' ? `<p class="meta">${timeElement(item.publishedAt)}${item.originSiteName ? ` · ${escapeHtml(item.originSiteName)}` : ''}</p>` : ''}
${item.summary ? `<p>${escapeHtml(item.summary)}</p>` : ''}
</li>`,
    )
    .join('\n')}</ul>`;
}

function pagination(value: Pagination | null): string {
  if (!value || (value.page <= 1 && !value.hasNext)) return '';
  const links: string[] = [];
  if (value.page > 1) links.push(`<li><a href="${escapeAttribute(value.hrefOf(value.page - 1))}" rel="prev">Page précédente</a></li>`);
  if (value.hasNext) links.push(`<li><a href="${escapeAttribute(value.hrefOf(value.page + 1))}" rel="next">Page suivante</a></li>`);
  return `<nav class="pagination" aria-label="Pagination"><p class="meta">Page ${value.page}</p><ul>${links.join('')}</ul></nav>`;
}

/** Article, page or document: one h1, then the rendered rich text (which starts at h2). */
export function renderContent(view: ArticleView): string {
  const breadcrumb =
    view.breadcrumb.length > 0
      ? `<nav class="breadcrumb" aria-label="Fil d’Ariane"><ol>${view.breadcrumb.map((link) => `<li><a href="${escapeAttribute(link.href)}">${escapeHtml(link.label)}</a></li>`).join('')}<li><span aria-current="page">${escapeHtml(view.title)}</span></li></ol></nav>`
      : '';
  const meta =
    view.kind === 'article'
      ? `<p class="meta">Publié le ${timeElement(view.publishedAt)}${view.author ? ` par ${escapeHtml(view.author)}` : ''}${
          view.categories.length > 0 ? ` · ${view.categories.map((category) => `<a href="${escapeAttribute(category.href)}">${escapeHtml(category.name)}</a>`).join(', ')}` : ''
        }</p>`
      : '';
  const origin = view.originSiteName
    ? `<p class="meta">Article publié initialement par ${escapeHtml(view.originSiteName)} : <a href="${escapeAttribute(view.canonicalUrl)}">lire sur le site d’origine</a>.</p>`
    : '';
  const tags =
    view.tags.length > 0
      ? `<h2>Étiquettes</h2><ul class="tags">${view.tags.map((tag) => `<li><a href="${escapeAttribute(tag.href)}">${escapeHtml(tag.label)}</a></li>`).join('')}</ul>`
      : '';
  const download = view.download ? `<p><a href="${escapeAttribute(view.download.href)}" download>${escapeHtml(view.download.label)}</a></p>` : '';
  return `${breadcrumb}<article>
<h1>${escapeHtml(view.title)}</h1>
${meta}
${origin}
${view.summary ? `<p class="lead">${escapeHtml(view.summary)}</p>` : ''}
${view.cover ? `<figure>${imageElement(view.cover, '(max-width: 48rem) 100vw, 48rem')}</figure>` : ''}
${download}
${view.bodyHtml}
${tags}
</article>`;
}

export function renderHome(view: HomeView, siteName: string, basePath: string): string {
  const intro = view.intro ? `<h1>${escapeHtml(view.intro.title)}</h1>${view.intro.summary ? `<p class="lead">${escapeHtml(view.intro.summary)}</p>` : ''}${view.intro.bodyHtml}` : `<h1>${escapeHtml(siteName)}</h1>`;
  const featured = view.featured.length > 0 ? `<section aria-labelledby="a-la-une"><h2 id="a-la-une">À la une</h2>${cardList(view.featured, 3)}</section>` : '';
  return `${intro}
${featured}
${renderUpcomingEvents(view.upcomingEvents, `${basePath}/evenements`)}
<section aria-labelledby="actualites"><h2 id="actualites">Dernières actualités</h2>${cardList(view.latest, 3)}
<p><a href="${escapeAttribute(`${basePath}/actualites`)}">Toutes les actualités</a></p></section>`;
}

export function renderList(view: ListView): string {
  return `<h1>${escapeHtml(view.heading)}</h1>
${view.description ? `<p class="lead">${escapeHtml(view.description)}</p>` : ''}
${view.feed ? `<p><a href="${escapeAttribute(view.feed.href)}">${escapeHtml(view.feed.title)}</a></p>` : ''}
${cardList(view.items, 2)}
${pagination(view.pagination)}`;
}

export function renderSearch(view: SearchView, basePath: string): string {
  const form = `<form role="search" action="${escapeAttribute(`${basePath}/recherche`)}" method="get" class="search-page"><label for="recherche-page">Termes recherchés</label> <input id="recherche-page" name="q" type="search" value="${escapeAttribute(view.query)}"> <button type="submit" class="search-button">Rechercher</button></form>`;
  if (view.query === '') return `<h1>Rechercher</h1>${form}`;
  const count = view.items.length === 0 ? '<p role="status">Aucun résultat.</p>' : '';
  return `<h1>Résultats pour « ${escapeHtml(view.query)} »</h1>${form}${count}${view.items.length > 0 ? cardList(view.items, 2) : ''}${pagination(view.pagination)}`;
}

export function renderNotFound(basePath: string): string {
  return `<h1>Page introuvable</h1>
<p>La page demandée n’existe pas ou n’est plus publiée.</p>
<p><a href="${escapeAttribute(basePath || '/')}">Revenir à l’accueil</a> ou utilisez la recherche.</p>`;
}
