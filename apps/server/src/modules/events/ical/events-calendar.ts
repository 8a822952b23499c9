import type { PublicEvent } from '../public/public-events.js';
import { contentLine, escapeText, formatUtc } from './ical-format.js';

export interface CalendarOptions {
  /** The calendar's display name (X-WR-CALNAME): the entity's name. */
  name: string;
  /** Right-hand side of the UIDs (the instance's host name): UIDs must be globally unique. */
  uidDomain: string;
  /** Link to the event page on the entity site, when there is one. */
  eventUrl?: (event: PublicEvent) => string | null;
}

function locationOf(event: PublicEvent): string | null {
  if (event.place) {
    const town = [event.place.postalCode, event.place.commune].filter(Boolean).join(' ');
    return [event.place.name, event.place.address, town].filter((part) => part && part.length > 0).join(', ');
  }
  return event.onlineUrl;
}

function descriptionOf(event: PublicEvent): string | null {
  const parts = [event.descriptionText ?? ''];
  if (event.onlineUrl) parts.push(`Lien de connexion : ${event.onlineUrl}`);
  if (event.priceCents > 0) parts.push(`Tarif : ${(event.priceCents / 100).toFixed(2).replace('.', ',')} ${event.currency}`);
  const text = parts.filter((part) => part.length > 0).join('\n\n');
  return text.length > 0 ? text : null;
}

/** An RFC 5545 VCALENDAR of public events; times in UTC (no VTIMEZONE needed), cancelled ones marked so. */
export function renderCalendar(events: readonly PublicEvent[], options: CalendarOptions): string {
  let out = '';
  out += contentLine('BEGIN', 'VCALENDAR');
  out += contentLine('VERSION', '2.0');
  out += contentLine('PRODID', '-//Maillage//Evenements//FR');
  out += contentLine('CALSCALE', 'GREGORIAN');
  out += contentLine('METHOD', 'PUBLISH');
  out += contentLine('X-WR-CALNAME', escapeText(options.name));
  out += contentLine('X-WR-TIMEZONE', 'Europe/Paris');
  for (const event of events) {
    out += contentLine('BEGIN', 'VEVENT');
    out += contentLine('UID', `${event.id}@${options.uidDomain}`);
    out += contentLine('DTSTAMP', formatUtc(new Date(event.updatedAt)));
    out += contentLine('DTSTART', formatUtc(new Date(event.startsAt)));
    out += contentLine('DTEND', formatUtc(new Date(event.endsAt)));
    out += contentLine('SEQUENCE', String(event.version));
    out += contentLine('SUMMARY', escapeText(event.title));
    const description = descriptionOf(event);
    if (description) out += contentLine('DESCRIPTION', escapeText(description));
    const location = locationOf(event);
    if (location) out += contentLine('LOCATION', escapeText(location));
    const url = options.eventUrl?.(event) ?? event.onlineUrl;
    if (url) out += contentLine('URL', url);
    out += contentLine('STATUS', event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
    out += contentLine('END', 'VEVENT');
  }
  out += contentLine('END', 'VCALENDAR');
  return out;
}
