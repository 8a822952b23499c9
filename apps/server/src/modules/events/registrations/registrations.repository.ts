import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { eventRegistrations, type RegistrationStatus } from '../catalogue/events.tables.js';
import { registrationCollection } from './registrations.collection.js';
import type { RegistrationRecord } from './registrations.schema.js';

type RegistrationRow = typeof eventRegistrations.$inferSelect;

export function toRegistration(row: RegistrationRow): RegistrationRecord {
  return {
    id: row.id,
    eventId: row.eventId,
    entityId: row.entityId,
    personId: row.personId,
    organizationId: row.organizationId,
    status: row.status,
    waitingPosition: row.waitingPosition,
    registeredAt: row.registeredAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    version: row.version,
  };
}

export interface NewRegistration {
  id: string;
  entityId: string;
  eventId: string;
  personId: string;
  organizationId: string | null;
  status: 'registered' | 'waiting';
  waitingPosition: number | null;
}

export async function insertRegistration(tx: Tx, registration: NewRegistration): Promise<RegistrationRecord> {
  const [row] = await tx.db
    .insert(eventRegistrations)
    // clock_timestamp(), not now() (the transaction's start): the row is written under the event
    // lock, so registration times follow the order in which the queue was served.
    .values({ ...registration, registeredAt: sql`clock_timestamp()`, confirmedAt: registration.status === 'registered' ? sql`clock_timestamp()` : null })
    .returning();
  return toRegistration(row!);
}

export async function findRegistration(tx: Tx, eventId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<RegistrationRecord | null> {
  const query = tx.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? toRegistration(row) : null;
}

export async function findActiveRegistrationOf(tx: Tx, eventId: string, personId: string): Promise<RegistrationRecord | null> {
  const [row] = await tx.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.personId, personId), sql`${eventRegistrations.status} <> 'cancelled'`));
  return row ? toRegistration(row) : null;
}

/** Registrations still expecting to come (registered or waiting), in registration order. */
export async function findLiveRegistrations(tx: Tx, eventId: string): Promise<RegistrationRecord[]> {
  const rows = await tx.db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), sql`${eventRegistrations.status} IN ('registered', 'waiting')`))
    .orderBy(eventRegistrations.registeredAt, eventRegistrations.id);
  return rows.map(toRegistration);
}

/** Seats taken: registered and attended registrations. Meaningful only under the event lock. */
export async function countOccupiedSeats(tx: Tx, eventId: string): Promise<number> {
  const { rows } = await tx.client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND status IN ('registered', 'attended')`,
    [eventId],
  );
  return rows[0]?.n ?? 0;
}

export async function lastWaitingPosition(tx: Tx, eventId: string): Promise<number> {
  const { rows } = await tx.client.query<{ n: number }>(
    `SELECT coalesce(max(waiting_position), 0)::int AS n FROM event_registrations WHERE event_id = $1 AND status = 'waiting'`,
    [eventId],
  );
  return rows[0]?.n ?? 0;
}

/** Moves a registration to a new status, stamping the matching timestamp. */
export async function setRegistrationStatus(tx: Tx, id: string, status: RegistrationStatus): Promise<RegistrationRecord> {
  const stamp = {
    registered: { confirmedAt: sql`now()` },
    attended: { checkedInAt: sql`now()` },
    cancelled: { cancelledAt: sql`now()` },
    waiting: {},
  }[status];
  const [row] = await tx.db
    .update(eventRegistrations)
    .set({ status, waitingPosition: null, ...stamp, version: sql`${eventRegistrations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(eventRegistrations.id, id))
    .returning();
  return toRegistration(row!);
}

/** The first `count` of the waiting list, in order, locked. */
export async function firstWaiting(tx: Tx, eventId: string, count: number | null): Promise<Array<{ id: string }>> {
  const { rows } = await tx.client.query<{ id: string }>(
    `SELECT id FROM event_registrations WHERE event_id = $1 AND status = 'waiting' ORDER BY waiting_position LIMIT $2 FOR UPDATE`,
    [eventId, count],
  );
  return rows;
}

/** Closes the gap left in the waiting list: everyone behind `after` moves up by `by` places. */
export async function shiftWaitingList(tx: Tx, eventId: string, after: number, by: number): Promise<void> {
  await tx.client.query(
    `UPDATE event_registrations SET waiting_position = waiting_position - $3, version = version + 1, updated_at = now()
      WHERE event_id = $1 AND status = 'waiting' AND waiting_position > $2`,
    [eventId, after, by],
  );
}

export async function fetchRegistrationPage(tx: Tx, eventId: string, query: CollectionQuery): Promise<CollectionPage<RegistrationRecord>> {
  const page = await fetchPage<RegistrationRow>(tx, registrationCollection, query, {
    table: eventRegistrations,
    where: eq(eventRegistrations.eventId, eventId),
  });
  return { ...page, items: page.items.map(toRegistration) };
}
