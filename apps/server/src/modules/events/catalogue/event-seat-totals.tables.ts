import { integer, index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

/**
 * Seats taken (registered or attended) and waiting list of each event, maintained by a statement
 * trigger on `event_registrations` (custom migration `event_seat_totals_triggers`) in the transaction
 * that changes the registrations, so the dashboard reads one row per upcoming event instead of
 * counting every registration. An event without a row has none of either. No foreign key to
 * `events`: a deleted event's registrations go with it and take its row away.
 */
export const eventSeatTotals = pgTable(
  'event_seat_totals',
  {
    eventId: uuid('event_id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    seatsTaken: integer('seats_taken').notNull(),
    waiting: integer('waiting').notNull(),
  },
  (table) => [index('event_seat_totals_entity_id_idx').on(table.entityId), tenantIsolationPolicy('event_seat_totals')],
).enableRLS();
