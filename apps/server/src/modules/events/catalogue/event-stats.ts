import type { Tx } from '../../../platform/db/index.js';

export interface UpcomingEventFigures {
  id: string;
  entityId: string;
  title: string;
  startsAt: string;
  /** null: unlimited. */
  capacity: number | null;
  /** Registrations holding a seat (registered or attended). */
  seatsTaken: number;
  waiting: number;
}

/** Published events of the caller's scope (RLS) starting in a window, for the dashboard. */
export interface EventStats {
  upcomingCount: number;
  /** Seats taken and offered over the window's events that have a capacity. */
  seatsTaken: number;
  seatsOffered: number;
  /** The first `limit` events, soonest first. */
  next: UpcomingEventFigures[];
}

interface Row {
  upcoming_count: number;
  seats_taken: number;
  seats_offered: number;
  next: Array<{ id: string; entity_id: string; title: string; starts_at: string; capacity: number | null; seats_taken: number; waiting: number }> | null;
}

/**
 * Seats come from `event_seat_totals`, which a trigger keeps in step with the registrations (one row
 * per event instead of counting every registration). `entityIds` repeats the scope (RLS alone gives
 * the planner no index to use).
 */
export async function eventStats(tx: Tx, options: { entityIds: readonly string[]; from: Date; to: Date; limit: number }): Promise<EventStats> {
  const { rows } = await tx.client.query<Row>(
    `WITH upcoming AS (
       SELECT e.id, e.entity_id, e.title, e.starts_at, e.capacity, coalesce(s.seats_taken, 0) AS seats_taken, coalesce(s.waiting, 0) AS waiting
         FROM events e LEFT JOIN event_seat_totals s ON s.event_id = e.id
        WHERE e.entity_id = ANY($4::uuid[]) AND e.status = 'published' AND e.starts_at >= $1 AND e.starts_at < $2)
     SELECT (SELECT count(*)::int FROM upcoming) AS upcoming_count,
            (SELECT coalesce(sum(seats_taken) FILTER (WHERE capacity IS NOT NULL), 0)::int FROM upcoming) AS seats_taken,
            (SELECT coalesce(sum(capacity), 0)::int FROM upcoming) AS seats_offered,
            (SELECT json_agg(n ORDER BY n.starts_at, n.id) FROM (SELECT * FROM upcoming ORDER BY starts_at, id LIMIT $3) n) AS next`,
    [options.from.toISOString(), options.to.toISOString(), options.limit, [...options.entityIds]],
  );
  const row = rows[0]!;
  return {
    upcomingCount: row.upcoming_count,
    seatsTaken: row.seats_taken,
    seatsOffered: row.seats_offered,
    next: (row.next ?? []).map((event) => ({
      id: event.id,
      entityId: event.entity_id,
      title: event.title,
      startsAt: new Date(event.starts_at).toISOString(),
      capacity: event.capacity,
      seatsTaken: event.seats_taken,
      waiting: event.waiting,
    })),
  };
}
