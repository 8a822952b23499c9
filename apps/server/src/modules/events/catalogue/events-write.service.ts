import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import { scopeFor, type EventActor, type EventDeps } from '../access/event-actor.js';
import { EVENT_PERMISSIONS } from '../access/permissions.js';
import { notifyRegistration } from '../registrations/registration-mail.js';
import { countOccupiedSeats, findLiveRegistrations } from '../registrations/registrations.repository.js';
import { fillFreeSeats } from '../registrations/seat-allocation.js';
import { eventFieldErrors, mergeEventFields, statusMoveAllowed } from './event-fields.js';
import { findEvent, insertEvent, lockEvent, updateEvent, type EventFields } from './events.repository.js';
import type { CreateEvent, Event, EventPatch } from './events.schema.js';

const REFUSED = "L'événement ne peut pas être enregistré.";

export async function createEvent(deps: EventDeps, actor: EventActor, input: CreateEvent): Promise<Event> {
  const { entityId, ...rest } = input;
  if (!actor.principal.holdsOn(EVENT_PERMISSIONS.write, entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: "Vous ne pouvez pas organiser d'événement au nom de cette structure." }], REFUSED);
  }
  const fields = mergeEventFields(null, rest);
  const errors = eventFieldErrors(fields);
  if (fields.status === 'cancelled') errors.push({ pointer: '/status', message: 'Un événement se crée en brouillon ou publié.' });
  if (errors.length > 0) throw new ValidationError(errors, REFUSED);
  return withTransaction(deps.database, scopeFor(actor, EVENT_PERMISSIONS.write), async (tx) => {
    const id = newId();
    await insertEvent(tx, id, entityId, fields, actor.principal.userId);
    await recordAudit(tx, { action: 'events.event.created', resourceType: 'event', resourceId: id, entityId, after: auditable(fields), actor: actor.audit });
    return (await findEvent(tx, id))!;
  });
}

/**
 * Merge patch under If-Match. The event row is locked first, so a capacity change is decided on seat
 * counts nobody else is changing: lowering below the seats taken is refused (422), raising it
 * promotes the head of the waiting list in the same transaction.
 */
export async function updateEventWith(deps: EventDeps, actor: EventActor, id: string, expected: number | '*', patch: EventPatch): Promise<Event> {
  return withTransaction(deps.database, scopeFor(actor, EVENT_PERMISSIONS.write), async (tx) => {
    const current = await lockEvent(tx, id);
    if (!current) throw new NotFoundError('Event');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const fields = mergeEventFields(current, patch);
    const errors = eventFieldErrors(fields);
    if (!statusMoveAllowed(current.status, fields.status!)) {
      throw new ConflictError(`Un événement ${STATUS_LABEL[current.status]} ne peut pas devenir ${STATUS_LABEL[fields.status!]}.`, 'invalid_status_transition');
    }
    const capacityChanged = fields.capacity !== current.capacity;
    if (capacityChanged && fields.capacity !== null && fields.capacity !== undefined) {
      const taken = await countOccupiedSeats(tx, id);
      if (fields.capacity < taken) {
        errors.push({ pointer: '/capacity', message: `${taken} places sont déjà attribuées : la capacité ne peut pas descendre en dessous.` });
      }
    }
    if (errors.length > 0) throw new ValidationError(errors, REFUSED);
    if (!(await updateEvent(tx, id, current.version, fields))) throw new PreconditionFailedError();
    const promoted = capacityChanged && fields.status !== 'cancelled' ? await fillFreeSeats(tx, { id, capacity: fields.capacity ?? null }) : [];
    const updated = (await lockEvent(tx, id))!;
    for (const registration of promoted) await notifyRegistration(tx, 'promoted', updated, registration);
    // Registrations stay as they are (history); everyone still expecting to come is told.
    if (current.status !== 'cancelled' && updated.status === 'cancelled') {
      for (const registration of await findLiveRegistrations(tx, id)) await notifyRegistration(tx, 'cancelled', updated, registration);
    }
    await recordAudit(tx, {
      action: 'events.event.updated',
      resourceType: 'event',
      resourceId: id,
      entityId: current.entityId,
      before: auditable(current),
      after: { ...auditable(fields), ...(promoted.length > 0 ? { promoted: promoted.map((registration) => registration.id) } : {}) },
      actor: actor.audit,
    });
    return (await findEvent(tx, id))!;
  });
}

const STATUS_LABEL = { draft: 'en brouillon', published: 'publié', cancelled: 'annulé' } as const;

function auditable(fields: EventFields): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}
