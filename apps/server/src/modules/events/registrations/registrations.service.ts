import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { findEvent, lockEvent } from '../catalogue/events.repository.js';
import { scopeFor, type EventActor, type EventDeps } from '../access/event-actor.js';
import type { events } from '../catalogue/events.tables.js';
import { EVENT_PERMISSIONS } from '../access/permissions.js';
import { notifyRegistration } from './registration-mail.js';
import { withPeople, withPerson } from './registration-people.js';
import { AlreadyRegisteredError, RegistrationClosedError, RegistrationStateError } from './registration-errors.js';
import { recordRegistration } from './registration-timeline.js';
import { fetchRegistrationPage, findActiveRegistrationOf, findRegistration, insertRegistration, setRegistrationStatus } from './registrations.repository.js';
import type { CreateRegistration, Registration } from './registrations.schema.js';
import { allocateSeat, fillFreeSeats, leaveWaitingList } from './seat-allocation.js';

type EventRow = typeof events.$inferSelect;

const timelineEvent = (event: EventRow) => ({ title: event.title, startsAt: event.startsAt.toISOString(), timezone: event.timezone });

async function lockedEvent(tx: Tx, eventId: string): Promise<EventRow> {
  const event = await lockEvent(tx, eventId);
  if (!event) throw new NotFoundError('Event');
  return event;
}

function assertOpen(event: EventRow, now: Date): void {
  if (event.status !== 'published') {
    throw new RegistrationClosedError(event.status === 'cancelled' ? 'Cet événement est annulé.' : "Cet événement n'est pas encore publié.");
  }
  if (event.registrationOpensAt && now < event.registrationOpensAt) {
    throw new RegistrationClosedError('Les inscriptions ne sont pas encore ouvertes.');
  }
  if (now >= (event.registrationClosesAt ?? event.startsAt)) {
    throw new RegistrationClosedError('Les inscriptions à cet événement sont closes.');
  }
}

/** A seat if one is free, else the waiting list; on the contact's timeline in the same transaction. */
export async function registerContact(deps: EventDeps, actor: EventActor, eventId: string, input: CreateRegistration): Promise<Registration> {
  return withTransaction(deps.database, scopeFor(actor, EVENT_PERMISSIONS.write), async (tx) => {
    const event = await lockedEvent(tx, eventId);
    assertOpen(event, new Date());
    const existing = await findActiveRegistrationOf(tx, eventId, input.personId);
    if (existing) throw new AlreadyRegisteredError(existing.id, eventId);
    const seat = await allocateSeat(tx, event);
    const registration = await insertRegistration(tx, {
      id: newId(),
      entityId: event.entityId,
      eventId,
      personId: input.personId,
      organizationId: input.organizationId ?? null,
      ...seat,
    });
    // Also checks that the caller may see the contact and the company (422 otherwise: all rolls back).
    await recordRegistration(tx, timelineEvent(event), registration, actor.principal.userId);
    await recordAudit(tx, {
      action: 'events.registration.created',
      resourceType: 'event_registration',
      resourceId: registration.id,
      entityId: event.entityId,
      after: { eventId, personId: registration.personId, status: registration.status, waitingPosition: registration.waitingPosition },
      actor: actor.audit,
    });
    await notifyRegistration(tx, registration.status === 'waiting' ? 'waiting' : 'confirmed', event, registration);
    return withPerson(tx, registration);
  });
}

/** Cancels; a freed seat goes to the head of the waiting list in the same transaction. */
export async function cancelRegistration(deps: EventDeps, actor: EventActor, eventId: string, registrationId: string): Promise<Registration> {
  return withTransaction(deps.database, scopeFor(actor, EVENT_PERMISSIONS.write), async (tx) => {
    const event = await lockedEvent(tx, eventId);
    const current = await findRegistration(tx, eventId, registrationId, { forUpdate: true });
    if (!current) throw new NotFoundError('Registration');
    if (current.status === 'cancelled') return withPerson(tx, current);
    if (current.status === 'attended') throw new RegistrationStateError('Ce participant a déjà été pointé : son inscription ne peut plus être annulée.');
    const cancelled = current.status === 'waiting' ? await leaveWaitingList(tx, eventId, current) : await setRegistrationStatus(tx, current.id, 'cancelled');
    const promoted = await fillFreeSeats(tx, event);
    await recordAudit(tx, {
      action: 'events.registration.cancelled',
      resourceType: 'event_registration',
      resourceId: current.id,
      entityId: event.entityId,
      before: { status: current.status },
      after: { status: 'cancelled', promoted: promoted.map((registration) => registration.id) },
      actor: actor.audit,
    });
    for (const registration of promoted) await notifyRegistration(tx, 'promoted', event, registration);
    return withPerson(tx, cancelled);
  });
}

export async function getRegistration(database: Database, scope: DbScope, eventId: string, registrationId: string): Promise<Registration> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const registration = await findRegistration(tx, eventId, registrationId);
      if (!registration) throw new NotFoundError('Registration');
      return withPerson(tx, registration);
    },
    { readOnly: true },
  );
}

export async function listRegistrations(database: Database, scope: DbScope, eventId: string, query: CollectionQuery): Promise<CollectionPage<Registration>> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      if (!(await findEvent(tx, eventId))) throw new NotFoundError('Event');
      const page = await fetchRegistrationPage(tx, eventId, query);
      return { ...page, items: await withPeople(tx, page.items) };
    },
    { readOnly: true },
  );
}
