import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { lockEvent } from '../catalogue/events.repository.js';
import { scopeFor, type EventActor, type EventDeps } from '../access/event-actor.js';
import { EVENT_PERMISSIONS } from '../access/permissions.js';
import { RegistrationStateError } from './registration-errors.js';
import { recordAttendance } from './registration-timeline.js';
import { withPerson } from './registration-people.js';
import { findRegistration, setRegistrationStatus } from './registrations.repository.js';
import type { Registration } from './registrations.schema.js';

/**
 * Marks a registered contact as present (idempotent) and writes the attendance on the CRM timelines.
 * A waiting or cancelled registration is refused: give the seat first.
 */
export async function checkIn(deps: EventDeps, actor: EventActor, eventId: string, registrationId: string): Promise<Registration> {
  return withTransaction(deps.database, scopeFor(actor, EVENT_PERMISSIONS.checkin), async (tx) => {
    // The event lock keeps a concurrent cancellation from racing the check-in of the same seat.
    const event = await lockEvent(tx, eventId);
    if (!event) throw new NotFoundError('Event');
    const current = await findRegistration(tx, eventId, registrationId, { forUpdate: true });
    if (!current) throw new NotFoundError('Registration');
    if (current.status === 'attended') return withPerson(tx, current);
    if (event.status !== 'published') throw new RegistrationStateError("On ne pointe les participants que d'un événement publié.");
    if (current.status !== 'registered') {
      throw new RegistrationStateError(
        current.status === 'waiting' ? "Ce contact est en liste d'attente : il n'a pas de place à pointer." : 'Cette inscription est annulée.',
      );
    }
    const attended = await setRegistrationStatus(tx, current.id, 'attended');
    await recordAttendance(tx, { title: event.title, startsAt: event.startsAt.toISOString(), timezone: event.timezone }, attended, actor.principal.userId);
    await recordAudit(tx, {
      action: 'events.registration.checked_in',
      resourceType: 'event_registration',
      resourceId: current.id,
      entityId: event.entityId,
      before: { status: current.status },
      after: { status: 'attended' },
      actor: actor.audit,
    });
    return withPerson(tx, attended);
  });
}
