import type { Tx } from '../../../platform/db/index.js';
import { listPublicEvents, type PublicEvent } from '../../events/index.js';
import { safeLinkHref } from '../rich-text/index.js';
import type { EventView, SiteView } from './views.js';

const EXCERPT_LENGTH = 280;

/** Upcoming public events of the site's entity (not its sub-entities), soonest first. */
export async function loadEventViews(tx: Tx, site: SiteView, entityId: string, limit: number, now: Date): Promise<EventView[]> {
  const events = await listPublicEvents(tx, entityId, { from: now, limit });
  return events.map((event) => toEventView(event, `${site.basePath}/evenements`));
}

export function toEventView(event: PublicEvent, listHref: string): EventView {
  const startsAt = new Date(event.startsAt);
  const endsAt = new Date(event.endsAt);
  const online = event.onlineUrl ? safeLinkHref(event.onlineUrl) : null;
  return {
    id: event.id,
    title: event.title,
    startsAt,
    endsAt,
    when: eventDates(startsAt, endsAt, event.timezone),
    place: event.place ? [event.place.name, event.place.address, [event.place.postalCode, event.place.commune].filter(Boolean).join(' ')].filter((part) => part).join(', ') : null,
    onlineUrl: online && /^https?:\/\//.test(online) ? online : null,
    price: event.priceCents === 0 ? 'Gratuit' : `Tarif : ${new Intl.NumberFormat('fr-FR', { style: 'currency', currency: event.currency }).format(event.priceCents / 100)}`,
    seats: event.seatsLeft === null ? null : event.seatsLeft === 0 ? 'Complet' : event.seatsLeft === 1 ? '1 place restante' : `${event.seatsLeft} places restantes`,
    excerpt: excerpt(event.descriptionText),
    href: `${listHref}#evenement-${event.id}`,
  };
}

/** « jeudi 4 décembre 2026, de 09:00 à 12:00 » on one day, « du … à 09:00 au … à 17:00 » over several. */
export function eventDates(startsAt: Date, endsAt: Date, timeZone: string): string {
  const zone = isTimeZone(timeZone) ? timeZone : 'Europe/Paris';
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: zone });
  const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: zone });
  const startDay = day.format(startsAt);
  const endDay = day.format(endsAt);
  if (startDay === endDay) return `${startDay}, de ${time.format(startsAt)} à ${time.format(endsAt)}`;
  return `du ${startDay} à ${time.format(startsAt)} au ${endDay} à ${time.format(endsAt)}`;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function excerpt(text: string | null): string | null {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}
