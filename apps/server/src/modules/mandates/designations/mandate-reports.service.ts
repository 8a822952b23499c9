import { sql } from 'drizzle-orm';
import { withTransaction, type DbScope } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { addDays, scopeOf, todayUtc, type MandateActor, type MandateDeps } from './mandate-actor.js';
import { listSeats } from './mandate-seats.repository.js';
import { expiringMandateCollection, seatIsVacantSql, vacantSeatCollection } from './mandates.collections.js';
import { listMandates } from './mandates.repository.js';
import type { Mandate, MandateSummaryQuery, MandateSummaryRow, Seat } from './mandates.schema.js';
import { mandates } from './mandates.tables.js';
import { MANDATE_PERMISSIONS } from './permissions.js';

const { read } = MANDATE_PERMISSIONS;

/** Seats of the caller's entities that no active mandate covers today. */
export async function listVacantSeats(deps: MandateDeps, actor: MandateActor, query: CollectionQuery): Promise<CollectionPage<Seat>> {
  const today = todayUtc();
  return withTransaction(deps.database, scopeOf(actor, read), (tx) => listSeats(tx, vacantSeatCollection, query, seatIsVacantSql(today)), { readOnly: true });
}

/** Active mandates ending between today and today + withinDays (inclusive), soonest first by default. */
export async function listExpiringMandates(deps: MandateDeps, actor: MandateActor, query: CollectionQuery, withinDays: number): Promise<CollectionPage<Mandate>> {
  const today = todayUtc();
  const where = sql`${mandates.status} = 'active' AND ${mandates.endOn} BETWEEN ${today} AND ${addDays(today, withinDays)}`;
  return withTransaction(deps.database, scopeOf(actor, read), (tx) => listMandates(tx, expiringMandateCollection, query, where), { readOnly: true });
}

/**
 * Seats, current mandates and vacant seats per designating entity or per body, in the caller's scope
 * or in one entity of it and its sub-entities (the branch switcher, as on the dashboard): the
 * transaction's scope is then that subtree. An entity out of the caller's scope answers 404.
 */
export async function summarizeMandates(deps: MandateDeps, actor: MandateActor, query: MandateSummaryQuery): Promise<MandateSummaryRow[]> {
  if (query.entityId && !actor.principal.holdsOn(read, query.entityId)) throw new NotFoundError('Entity');
  const scope: DbScope = query.entityId ? { kind: 'entities', entityRoots: [query.entityId], userId: actor.principal.userId } : scopeOf(actor, read);
  const today = todayUtc();
  const groups = query.groupBy === 'entity' ? sql`JOIN entities g ON g.id = seat_state.entity_id` : sql`JOIN mandate_bodies g ON g.id = seat_state.body_id`;
  return withTransaction(
    deps.database,
    scope,
    async (tx) => {
      const result = await tx.db.execute(sql`
        WITH seat_state AS (
          SELECT s.entity_id, s.body_id,
            (SELECT count(*) FROM mandates m WHERE m.seat_id = s.id AND m.status = 'active' AND m.start_on <= ${today}::date AND m.end_on >= ${today}::date)::int AS current
          FROM mandate_seats s
        )
        SELECT g.id, g.name, count(*)::int AS seats, sum(seat_state.current)::int AS current_mandates,
          (count(*) FILTER (WHERE seat_state.current = 0))::int AS vacant_seats
        FROM seat_state ${groups}
        GROUP BY g.id, g.name
        ORDER BY g.name, g.id`);
      return (result.rows as Array<{ id: string; name: string; seats: number; current_mandates: number; vacant_seats: number }>).map((row) => ({
        id: row.id,
        name: row.name,
        seats: Number(row.seats),
        currentMandates: Number(row.current_mandates),
        vacantSeats: Number(row.vacant_seats),
      }));
    },
    { readOnly: true },
  );
}
