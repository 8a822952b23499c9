import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const EVENT_VISIBILITIES = ['public', 'members'] as const;
export type EventVisibility = (typeof EVENT_VISIBILITIES)[number];

/** draft (invisible outside the office) → published (open to registrations) → cancelled (kept, shown as such). */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** `registered` and `attended` hold a seat; `waiting` is in line (waiting_position 1, 2…). */
export const REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled', 'attended'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * Events organised by an entity (tenant-owned, RLS). Every registration, cancellation and capacity
 * change locks the event row first (ADR 0022): seats are counted under that lock, so they are never
 * oversold whatever the concurrency.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    title: text('title').notNull(),
    /** Plain-text rendering of `description_doc` (iCalendar feed, search); written with it. */
    description: text('description'),
    /** The description as CMS rich text (ProseMirror JSON, validated by the CMS rich-text module). */
    descriptionDoc: jsonb('description_doc'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone the event is announced in (times are stored and served in UTC). */
    timezone: text('timezone').notNull().default('Europe/Paris'),
    placeName: text('place_name'),
    placeAddress: text('place_address'),
    placePostalCode: text('place_postal_code'),
    placeCommune: text('place_commune'),
    onlineUrl: text('online_url'),
    /** null: unlimited. */
    capacity: integer('capacity'),
    priceCents: integer('price_cents').notNull().default(0),
    currency: text('currency').notNull().default('EUR'),
    visibility: text('visibility', { enum: EVENT_VISIBILITIES }).notNull().default('members'),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('events_entity_id_idx').on(table.entityId, table.startsAt),
    index('events_starts_at_idx').on(table.startsAt, table.id),
    check('events_dates', sql`${table.endsAt} > ${table.startsAt}`),
    check('events_registration_window', sql`${table.registrationClosesAt} IS NULL OR ${table.registrationOpensAt} IS NULL OR ${table.registrationClosesAt} > ${table.registrationOpensAt}`),
    check('events_capacity', sql`${table.capacity} IS NULL OR ${table.capacity} >= 0`),
    check('events_price', sql`${table.priceCents} >= 0`),
    check('events_currency', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('events_visibility', sql`${table.visibility} IN ('public', 'members')`),
    check('events_status', sql`${table.status} IN ('draft', 'published', 'cancelled')`),
    tenantIsolationPolicy('events'),
  ],
).enableRLS();

/**
 * A contact's registration to an event, owned by the event's entity. The person (and optional
 * company) are CRM rows: their foreign keys are declared in SQL (custom migration) so that this
 * module does not import the CRM's tables.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull(),
    organizationId: uuid('organization_id'),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    /** 1-based rank in the waiting list; renumbered under the event lock when someone leaves it. */
    waitingPosition: integer('waiting_position'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the registration got its seat (at once, or by promotion from the waiting list). */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('event_registrations_entity_id_idx').on(table.entityId),
    index('event_registrations_event_idx').on(table.eventId, table.status, table.waitingPosition),
    index('event_registrations_person_idx').on(table.personId),
    index('event_registrations_organization_idx').on(table.organizationId),
    // One live registration per person and event; cancelled ones stay as history.
    uniqueIndex('event_registrations_active_unique').on(table.eventId, table.personId).where(sql`${table.status} <> 'cancelled'`),
    check('event_registrations_status', sql`${table.status} IN ('registered', 'waiting', 'cancelled', 'attended')`),
    check('event_registrations_waiting_position', sql`(${table.status} = 'waiting') = (${table.waitingPosition} IS NOT NULL) AND (${table.waitingPosition} IS NULL OR ${table.waitingPosition} >= 1)`),
    check('event_registrations_checked_in', sql`(${table.status} = 'attended') = (${table.checkedInAt} IS NOT NULL)`),
    check('event_registrations_cancelled', sql`(${table.status} = 'cancelled') = (${table.cancelledAt} IS NOT NULL)`),
    tenantIsolationPolicy('event_registrations'),
  ],
).enableRLS();
