import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { events } from './events.tables.js';
import { eventCollection } from './events.collection.js';
import type { EventDescription } from './event-description.js';
import type { Event } from './events.schema.js';

type EventRow = typeof events.$inferSelect & { registeredCount: number; waitingCount: number; attendedCount: number };

/** The editable columns of an event (everything but the owner, the version and the timestamps). */
export type EventFields = Pick<
  typeof events.$inferInsert,
  | 'title'
  | 'description'
  | 'descriptionDoc'
  | 'startsAt'
  | 'endsAt'
  | 'timezone'
  | 'placeName'
  | 'placeAddress'
  | 'placePostalCode'
  | 'placeCommune'
  | 'onlineUrl'
  | 'capacity'
  | 'priceCents'
  | 'currency'
  | 'visibility'
  | 'status'
  | 'registrationOpensAt'
  | 'registrationClosesAt'
>;

// Qualified by hand: Drizzle renders a column of a one-table select without its table name, which
// inside this subquery would bind to the registration's own id.
const countOf = (statuses: string) =>
  sql<number>`(SELECT count(*)::int FROM event_registrations r WHERE r.event_id = "events"."id" AND r.status IN (${sql.raw(statuses)}))`;

const EVENT_COLUMNS = {
  ...getTableColumns(events),
  registeredCount: countOf(`'registered', 'attended'`).as('registered_count'),
  waitingCount: countOf(`'waiting'`).as('waiting_count'),
  attendedCount: countOf(`'attended'`).as('attended_count'),
};

export function toEvent(row: EventRow): Event {
  return {
    id: row.id,
    entityId: row.entityId,
    title: row.title,
    description: (row.descriptionDoc as EventDescription | null) ?? null,
    descriptionText: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timezone: row.timezone,
    place: row.placeName
      ? { name: row.placeName, address: row.placeAddress, postalCode: row.placePostalCode, commune: row.placeCommune }
      : null,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    priceCents: row.priceCents,
    currency: row.currency,
    visibility: row.visibility,
    status: row.status,
    registrationOpensAt: row.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: row.registrationClosesAt?.toISOString() ?? null,
    registeredCount: row.registeredCount,
    waitingCount: row.waitingCount,
    attendedCount: row.attendedCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findEvent(tx: Tx, id: string): Promise<Event | null> {
  const [row] = await tx.db.select(EVENT_COLUMNS).from(events).where(eq(events.id, id));
  return row ? toEvent(row as EventRow) : null;
}

/**
 * Locks the event row until the end of the transaction: every seat decision (registration,
 * cancellation, promotion, capacity change) takes this lock first, so they run one at a time per
 * event and always count seats that nobody else is changing (ADR 0022).
 */
export async function lockEvent(tx: Tx, id: string): Promise<typeof events.$inferSelect | null> {
  const [row] = await tx.db.select().from(events).where(eq(events.id, id)).for('update');
  return row ?? null;
}

export async function insertEvent(tx: Tx, id: string, entityId: string, fields: EventFields, createdBy: string | null): Promise<void> {
  await tx.db.insert(events).values({ id, entityId, createdBy, ...fields });
}

/** Optimistic write: null when the version moved (or the row is out of scope). */
export async function updateEvent(tx: Tx, id: string, expectedVersion: number, fields: Partial<EventFields>): Promise<boolean> {
  const rows = await tx.db
    .update(events)
    .set({ ...fields, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
    .where(sql`${events.id} = ${id} AND ${events.version} = ${expectedVersion}`)
    .returning({ id: events.id });
  return rows.length === 1;
}

export async function fetchEventPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Event>> {
  const page = await fetchPage<EventRow>(tx, eventCollection, query, { table: events, columns: EVENT_COLUMNS });
  return { ...page, items: page.items.map(toEvent) };
}
