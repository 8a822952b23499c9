import type { OrganizationMergeStep, PersonMergeStep } from '../../crm/index.js';
import { lockEvent } from '../catalogue/events.repository.js';
import { findRegistration, setRegistrationStatus } from './registrations.repository.js';
import { fillFreeSeats, leaveWaitingList } from './seat-allocation.js';

/** When duplicate companies are merged, the registrations made for them follow the survivor. */
export const REGISTRATIONS_MERGE_STEP: OrganizationMergeStep = {
  table: 'event_registrations',
  async move(tx, survivorId, duplicateIds) {
    const { rowCount } = await tx.client.query(
      `UPDATE event_registrations SET organization_id = $1, version = version + 1, updated_at = now() WHERE organization_id = ANY($2::uuid[])`,
      [survivorId, duplicateIds],
    );
    return rowCount ?? 0;
  },
};

/**
 * When duplicate contacts are merged, their registrations follow the survivor. Where several of them
 * were registered to the same event, one live registration is kept (attended, else seated, else the
 * best waiting place; the survivor's own on a tie) and the others are cancelled under the event lock,
 * with the usual promotion when a seat frees (ADR 0022). Runs in the merge's system transaction.
 */
export const REGISTRATIONS_PERSON_MERGE_STEP: PersonMergeStep = {
  table: 'event_registrations',
  async move(tx, survivorId, duplicateIds) {
    const { rows: extra } = await tx.client.query<{ id: string; event_id: string }>(
      `SELECT id, event_id FROM (
         SELECT id, event_id, row_number() OVER (
                  PARTITION BY event_id
                  ORDER BY CASE status WHEN 'attended' THEN 0 WHEN 'registered' THEN 1 ELSE 2 END,
                           waiting_position NULLS FIRST, person_id = $1 DESC, registered_at, id) AS rank
           FROM event_registrations
          WHERE status <> 'cancelled' AND (person_id = $1 OR person_id = ANY($2::uuid[]))
       ) ranked
       WHERE rank > 1
       ORDER BY event_id, id`,
      [survivorId, duplicateIds],
    );
    for (const { id, event_id: eventId } of extra) {
      const event = await lockEvent(tx, eventId);
      const registration = await findRegistration(tx, eventId, id, { forUpdate: true });
      if (!event || !registration) continue;
      if (registration.status === 'waiting') await leaveWaitingList(tx, eventId, registration);
      else {
        await setRegistrationStatus(tx, id, 'cancelled');
        await fillFreeSeats(tx, event);
      }
    }
    const { rowCount } = await tx.client.query(
      `UPDATE event_registrations SET person_id = $1, version = version + 1, updated_at = now() WHERE person_id = ANY($2::uuid[])`,
      [survivorId, duplicateIds],
    );
    return rowCount ?? 0;
  },
};
