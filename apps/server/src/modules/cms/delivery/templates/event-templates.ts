import type { EventView } from '../views.js';
import { escapeAttribute, escapeHtml } from './format.js';

function eventDetails(event: EventView): string {
  const lines = [
    `<p class="meta"><time datetime="${event.startsAt.toISOString()}">${escapeHtml(event.when)}</time></p>`,
    event.place ? `<p>Lieu : ${escapeHtml(event.place)}</p>` : '',
    event.onlineUrl ? `<p><a href="${escapeAttribute(event.onlineUrl)}" rel="noopener">Participer en ligne<span class="visually-hidden"> : ${escapeHtml(event.title)}</span></a></p>` : '',
    `<p>${escapeHtml(event.price)}${event.seats ? ` · ${escapeHtml(event.seats)}` : ''}</p>`,
  ];
  return lines.filter((line) => line !== '').join('\n');
}

/** The `/evenements` page: one h1, an article per event (h2), soonest first. */
export function renderEvents(events: readonly EventView[]): string {
  if (events.length === 0) return '<h1>Événements</h1>\n<p>Aucun événement à venir pour le moment.</p>';
  return `<h1>Événements</h1>
<ul class="events">${events
    .map(
      (event) => `<li><article id="evenement-${escapeAttribute(event.id)}" aria-labelledby="titre-${escapeAttribute(event.id)}">
<h2 id="titre-${escapeAttribute(event.id)}">${escapeHtml(event.title)}</h2>
${eventDetails(event)}
${event.excerpt ? `<p>${escapeHtml(event.excerpt)}</p>` : ''}
</article></li>`,
    )
    .join('\n')}</ul>`;
}

/** The home page's « Prochains événements » section (nothing when there is none). */
export function renderUpcomingEvents(events: readonly EventView[], eventsHref: string): string {
  if (events.length === 0) return '';
  return `<section aria-labelledby="prochains-evenements"><h2 id="prochains-evenements">Prochains événements</h2><ul class="cards">${events
    .map(
      (event) => `<li class="card">
<h3><a href="${escapeAttribute(event.href)}">${escapeHtml(event.title)}</a></h3>
<p class="meta"><time datetime="${event.startsAt.toISOString()}">${escapeHtml(event.when)}</time></p>
${event.place ? `<p>${escapeHtml(event.place)}</p>` : ''}
</li>`,
    )
    .join('\n')}</ul>
<p><a href="${escapeAttribute(eventsHref)}">Tous les événements</a></p></section>`;
}
