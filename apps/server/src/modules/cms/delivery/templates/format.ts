import { escapeAttribute, escapeHtml } from '../../rich-text/index.js';
import type { ImageView, NavLink } from '../views.js';

export { escapeAttribute, escapeHtml };

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** `<time>` with the machine-readable instant and the French date. */
export function timeElement(date: Date): string {
  return `<time datetime="${date.toISOString()}">${escapeHtml(DATE.format(date))}</time>`;
}

export function imageElement(image: ImageView, sizes = '(max-width: 48rem) 100vw, 24rem'): string {
  const srcset = image.srcset ? ` srcset="${escapeAttribute(image.srcset)}" sizes="${escapeAttribute(sizes)}"` : '';
  return `<img src="${escapeAttribute(image.src)}"${srcset} alt="${escapeAttribute(image.alt)}" loading="lazy" decoding="async">`;
}

export function navList(links: readonly NavLink[], depth = 0): string {
  if (links.length === 0 || depth > 2) return '';
  return `<ul>${links
    .map((link) => `<li><a href="${escapeAttribute(link.href)}">${escapeHtml(link.label)}</a>${link.children?.length ? navList(link.children, depth + 1) : ''}</li>`)
    .join('')}</ul>`;
}
