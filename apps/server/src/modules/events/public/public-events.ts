import type { Tx } from '../../../platform/db/index.js';
import type { EventDescription } from '../catalogue/event-description.js';

/** What an entity shows the public about one of its events (site, iCalendar feed). */
export interface PublicEvent {
  id: string;
  entityId: string;
  title: string;
  /** CMS rich text (render it with the CMS `renderRichText`). */
  description: EventDescription | null;
  descriptionText: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  place: { name: string; address: string | null; postalCode: string | null; commune: string | null } | null;
  onlineUrl: string | null;
  priceCents: number;
  currency: string;
  status: 'published' | 'cancelled';
  /** null: unlimited. */
  seatsLeft: number | null;
  version: number;
  updatedAt: string;
}

export interface PublicEventsOptions {
  /** Events ending at or after this instant (default: now). */
  from?: Date;
  /** Default 50, at most 500. */
  limit?: number;
  /** Also the cancelled ones (the iCalendar feed tells subscribed calendars about cancellations). */
  includeCancelled?: boolean;
}

interface Row {
  id: string;
  entity_id: string;
  title: string;
  description: string | null;
  description_doc: EventDescription | null;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  place_name: string | null;
  place_address: string | null;
  place_postal_code: string | null;
  place_commune: string | null;
  online_url: string | null;
  price_cents: number;
  currency: string;
  status: 'published' | 'cancelled';
  seats_left: number | null;
  version: number;
  updated_at: Date;
}

/**
 * The public, published events of one entity (not its sub-entities), soonest first, in the caller's
 * transaction: the CMS site of the entity and the iCalendar feed read them. Members-only events and
 * drafts never appear.
 */
export async function listPublicEvents(tx: Tx, entityId: string, options: PublicEventsOptions = {}): Promise<PublicEvent[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const statuses = options.includeCancelled ? ['published', 'cancelled'] : ['published'];
  const { rows } = await tx.client.query<Row>(
    `SELECT e.id, e.entity_id, e.title, e.description, e.description_doc, e.starts_at, e.ends_at, e.timezone, e.place_name, e.place_address,
            e.place_postal_code, e.place_commune, e.online_url, e.price_cents, e.currency, e.status, e.version, e.updated_at,
            CASE WHEN e.capacity IS NULL THEN NULL ELSE greatest(e.capacity - (
              SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status IN ('registered', 'attended')), 0)::int END AS seats_left
       FROM events e
      WHERE e.entity_id = $1 AND e.visibility = 'public' AND e.status = ANY($2::text[]) AND e.ends_at >= $3
      ORDER BY e.starts_at, e.id
      LIMIT $4`,
    [entityId, statuses, (options.from ?? new Date()).toISOString(), limit],
  );
  return rows.map((row) => ({
    id: row.id,
    entityId: row.entity_id,
    title: row.title,
    description: row.description_doc,
    descriptionText: row.description,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timezone: row.timezone,
    place: row.place_name ? { name: row.place_name, address: row.place_address, postalCode: row.place_postal_code, commune: row.place_commune } : null,
    onlineUrl: row.online_url,
    priceCents: row.price_cents,
    currency: row.currency,
    status: row.status,
    seatsLeft: row.seats_left,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  }));
}
