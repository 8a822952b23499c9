import type { BodyOf, ItemOf, ResponseOf } from '../../core/api/api-types';

export type EventItem = ItemOf<'/api/v1/events'>;
export type EventDetail = ResponseOf<'/api/v1/events/{id}'>;
export type Registration = ItemOf<'/api/v1/events/{id}/registrations'>;
export type EventDescription = NonNullable<BodyOf<'/api/v1/events'>['description']>;

/** French wording of the events module's stable codes. */
export const EVENT_STATUS_LABELS: Record<string, string> = {
  draft: $localize`:@@ev.status.draft:Brouillon`,
  published: $localize`:@@ev.status.published:Publié`,
  cancelled: $localize`:@@ev.status.cancelled:Annulé`,
};

export const VISIBILITY_LABELS: Record<string, string> = {
  public: $localize`:@@ev.visibility.public:Public`,
  members: $localize`:@@ev.visibility.members:Réservé aux adhérents`,
};

export const WHEN_LABELS: Record<string, string> = {
  upcoming: $localize`:@@ev.when.upcoming:À venir`,
  past: $localize`:@@ev.when.past:Passés`,
};

export const REGISTRATION_STATUS_LABELS: Record<string, string> = {
  registered: $localize`:@@ev.reg.registered:Inscrit`,
  waiting: $localize`:@@ev.reg.waiting:Liste d'attente`,
  cancelled: $localize`:@@ev.reg.cancelled:Annulé`,
  attended: $localize`:@@ev.reg.attended:Présent`,
};

/** « Liste d'attente (n° 2) » for a waiting registration, the plain label otherwise. */
export function registrationStatusText(registration: Pick<Registration, 'status' | 'waitingPosition'>): string {
  const label = REGISTRATION_STATUS_LABELS[registration.status] ?? registration.status;
  return registration.status === 'waiting' && registration.waitingPosition !== null
    ? $localize`:@@ev.reg.waitingAt:${label}:label: (n° ${registration.waitingPosition}:position:)`
    : label;
}

/** « Claire Martin », or a neutral label for a contact outside the caller's branches. */
export function attendeeName(registration: Pick<Registration, 'person'>): string {
  const person = registration.person;
  return person ? [person.firstName, person.lastName].filter(Boolean).join(' ') : $localize`:@@ev.reg.hiddenContact:Contact d'une autre structure`;
}

/** « 12 / 40 (+3 en attente) », « 5 » without a limit. */
export function seatsText(event: Pick<EventItem, 'capacity' | 'registeredCount' | 'waitingCount'>): string {
  const taken = event.capacity === null ? String(event.registeredCount) : `${event.registeredCount} / ${event.capacity}`;
  return event.waitingCount > 0 ? $localize`:@@ev.seatsWaiting:${taken}:taken: (+${event.waitingCount}:waiting: en attente)` : taken;
}

/** An instant shown in the event's time zone: « 4 déc. 2026, 08:30 ». */
export function eventDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A UTC instant as the `YYYY-MM-DDTHH:mm` a datetime-local field shows, in the given time zone. */
export function toLocalInput(iso: string, timeZone: string): string {
  const parts = zonedParts(new Date(iso).getTime(), timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** A datetime-local value typed for the given time zone → UTC ISO; null when it is not a date and time. */
export function fromLocalInput(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guessed instant, then again at the corrected one (daylight saving changes).
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** Paragraphs separated by blank lines (line breaks kept) → the rich-text document the API stores. */
export function descriptionFromText(text: string): EventDescription | null {
  const paragraphs = text.replace(/\r\n/g, '\n').trim().split(/\n{2,}/).filter((paragraph) => paragraph.trim().length > 0);
  if (paragraphs.length === 0) return null;
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph' as const,
      content: paragraph.split('\n').flatMap((line, index) => [
        ...(index > 0 ? [{ type: 'hardBreak' as const }] : []),
        ...(line.length > 0 ? [{ type: 'text' as const, text: line }] : []),
      ]),
    })),
  };
}

/** The public iCalendar feed of an entity, by its code. */
export function icalFeedUrl(origin: string, entityCode: string): string {
  return `${origin}/api/v1/entities/${encodeURIComponent(entityCode)}/events.ics`;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function zonedParts(instant: number, timeZone: string): Parts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const value = (type: string) => Number(format.formatToParts(instant).find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day'), hour: value('hour'), minute: value('minute') };
}

/** Milliseconds the zone's wall clock is ahead of UTC at that instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = zonedParts(instant, timeZone);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return wall - Math.floor(instant / 60_000) * 60_000;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
