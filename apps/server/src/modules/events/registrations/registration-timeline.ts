import type { Tx } from '../../../platform/db/index.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { recordInteraction } from '../../crm/index.js';
import type { RegistrationRecord } from './registrations.schema.js';

interface TimelineEvent {
  title: string;
  startsAt: string;
}

const frenchDate = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone }).format(new Date(iso));

/**
 * The registration on the contact's (and company's) CRM timeline. It runs in the registering
 * transaction and under its scope: a contact the caller cannot see is refused there (422 /personId).
 */
export async function recordRegistration(tx: Tx, event: TimelineEvent & { timezone: string }, registration: RegistrationRecord, authorUserId: string | null): Promise<void> {
  const line = registration.status === 'waiting' ? ` (liste d'attente, position ${registration.waitingPosition})` : '';
  await recordInteraction(tx, {
    kind: 'event_attendance',
    occurredAt: registration.registeredAt,
    subject: `Inscription à « ${event.title} » du ${frenchDate(event.startsAt, event.timezone)}${line}`,
    personId: registration.personId,
    ...(registration.organizationId ? { organizationId: registration.organizationId } : {}),
    authorUserId,
  });
}

/**
 * The attendance on the timelines. A check-in never fails because of the timeline: a contact outside
 * the checker's branches (registered by the national office) keeps its attendance, without the entry.
 * recordInteraction refuses such a contact before writing anything, so catching it is safe.
 */
export async function recordAttendance(tx: Tx, event: TimelineEvent & { timezone: string }, registration: RegistrationRecord, authorUserId: string | null): Promise<boolean> {
  try {
    await recordInteraction(tx, {
      kind: 'event_attendance',
      occurredAt: registration.checkedInAt ?? new Date().toISOString(),
      subject: `Participation à « ${event.title} » du ${frenchDate(event.startsAt, event.timezone)}`,
      personId: registration.personId,
      ...(registration.organizationId ? { organizationId: registration.organizationId } : {}),
      authorUserId,
    });
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}
