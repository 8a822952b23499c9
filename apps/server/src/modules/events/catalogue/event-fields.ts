import type { FieldError } from '../../../platform/http/errors.js';
import { descriptionErrors, descriptionText, type EventDescription } from './event-description.js';
import type { EventFields } from './events.repository.js';
import type { CreateEvent, EventPatch } from './events.schema.js';

export const DEFAULT_TIMEZONE = 'Europe/Paris';

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Input = Omit<CreateEvent, 'entityId'> | EventPatch;

/** The row fields after applying a create body or a merge patch on top of `current`. */
export function mergeEventFields(current: EventFields | null, input: Input): EventFields {
  const pick = <K extends keyof Input, T>(key: K, fallback: T, convert: (value: NonNullable<Input[K]>) => T): T => {
    if (!(key in input) || input[key] === undefined) return fallback;
    const value = input[key];
    return value === null ? (null as T) : convert(value as NonNullable<Input[K]>);
  };
  const date = (value: string) => new Date(value);
  const place = 'place' in input && input.place !== undefined ? input.place : undefined;
  const fields: EventFields = {
    title: input.title ?? current?.title ?? '',
    descriptionDoc: pick('description', (current?.descriptionDoc as EventDescription | null | undefined) ?? null, (value) => value as EventDescription),
    startsAt: pick('startsAt', current?.startsAt ?? new Date(NaN), date) as Date,
    endsAt: pick('endsAt', current?.endsAt ?? new Date(NaN), date) as Date,
    timezone: input.timezone ?? current?.timezone ?? DEFAULT_TIMEZONE,
    placeName: place === undefined ? (current?.placeName ?? null) : (place?.name ?? null),
    placeAddress: place === undefined ? (current?.placeAddress ?? null) : (place?.address ?? null),
    placePostalCode: place === undefined ? (current?.placePostalCode ?? null) : (place?.postalCode ?? null),
    placeCommune: place === undefined ? (current?.placeCommune ?? null) : (place?.commune ?? null),
    onlineUrl: pick('onlineUrl', current?.onlineUrl ?? null, (value) => value),
    capacity: pick('capacity', current?.capacity ?? null, (value) => value),
    priceCents: input.priceCents ?? current?.priceCents ?? 0,
    currency: input.currency ?? current?.currency ?? 'EUR',
    visibility: input.visibility ?? current?.visibility ?? 'members',
    status: input.status ?? current?.status ?? 'draft',
    registrationOpensAt: pick('registrationOpensAt', current?.registrationOpensAt ?? null, date),
    registrationClosesAt: pick('registrationClosesAt', current?.registrationClosesAt ?? null, date),
  };
  // The plain text travels with the document (feed, search, e-mails).
  return { ...fields, description: descriptionText((fields.descriptionDoc as EventDescription | null) ?? null) };
}

/** Every rule an event must satisfy, each with the JSON pointer of the field to fix (French messages). */
export function eventFieldErrors(fields: EventFields): FieldError[] {
  const errors: FieldError[] = [...descriptionErrors((fields.descriptionDoc as EventDescription | null) ?? null)];
  const startsAt = fields.startsAt as Date;
  const endsAt = fields.endsAt as Date;
  if (!(endsAt.getTime() > startsAt.getTime())) {
    errors.push({ pointer: '/endsAt', message: "La fin de l'événement doit être postérieure à son début." });
  }
  if (!isKnownTimeZone(fields.timezone ?? DEFAULT_TIMEZONE)) {
    errors.push({ pointer: '/timezone', message: 'Fuseau horaire inconnu (exemple : Europe/Paris).' });
  }
  const opens = fields.registrationOpensAt as Date | null;
  const closes = fields.registrationClosesAt as Date | null;
  if (opens && closes && !(closes.getTime() > opens.getTime())) {
    errors.push({ pointer: '/registrationClosesAt', message: "La clôture des inscriptions doit suivre leur ouverture." });
  }
  if (closes && closes.getTime() > endsAt.getTime()) {
    errors.push({ pointer: '/registrationClosesAt', message: "Les inscriptions ne peuvent pas se clore après la fin de l'événement." });
  }
  if (fields.status === 'published' && !fields.placeName && !fields.onlineUrl) {
    errors.push({ pointer: '/place', message: 'Indiquez un lieu ou un lien de connexion avant de publier.' });
  }
  return errors;
}

/** Allowed status moves: a cancelled event stays cancelled; a published one cannot go back to draft. */
export function statusMoveAllowed(from: EventFields['status'], to: EventFields['status']): boolean {
  if (from === to) return true;
  if (from === 'draft') return to === 'published' || to === 'cancelled';
  if (from === 'published') return to === 'cancelled';
  return false;
}
