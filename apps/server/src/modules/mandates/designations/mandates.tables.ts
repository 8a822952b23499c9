import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

/** prud'hommes (labour courts), social-security boards, chambers, commercial courts, regional councils. */
export const BODY_KINDS = ['prudhommes', 'urssaf', 'cpam', 'caf', 'carsat', 'cci', 'cma', 'tribunal_commerce', 'ceser', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const SEAT_ROLES = ['titular', 'substitute'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/** `cancelled`: recorded by mistake, ignored by every rule and report (an early end moves `end_on`). */
export const MANDATE_STATUSES = ['active', 'cancelled'] as const;
export type MandateStatus = (typeof MANDATE_STATUSES)[number];

/**
 * The bodies where the network holds seats: reference data visible network-wide (the same labour
 * court receives representatives of several unions), hence no RLS. `entity_id` is the owner, the
 * only one who may correct it; null for a body shared by the network, which national staff keep.
 */
export const mandateBodies = pgTable(
  'mandate_bodies',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: BODY_KINDS }).notNull(),
    /** Département code (`69`, `2A`, `974`) of the body's territory; null for national or regional bodies. */
    departementCode: text('departement_code'),
    commune: text('commune'),
    entityId: uuid('entity_id').references(() => entities.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('mandate_bodies_name_unique').on(table.name),
    index('mandate_bodies_entity_id_idx').on(table.entityId),
    index('mandate_bodies_departement_idx').on(table.departementCode),
    check('mandate_bodies_kind', sql`${table.kind} IN ('prudhommes', 'urssaf', 'cpam', 'caf', 'carsat', 'cci', 'cma', 'tribunal_commerce', 'ceser', 'other')`),
    check('mandate_bodies_name_length', sql`length(${table.name}) BETWEEN 1 AND 200`),
    check('mandate_bodies_departement_format', sql`${table.departementCode} IS NULL OR ${table.departementCode} ~ '^([0-9]{2}|2A|2B|97[1-6])$'`),
  ],
);

/** A seat of a body that an entity designates someone to (tenant-owned: the designating entity). */
export const mandateSeats = pgTable(
  'mandate_seats',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => mandateBodies.id),
    label: text('label').notNull(),
    role: text('role', { enum: SEAT_ROLES }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('mandate_seats_body_label_role_unique').on(table.bodyId, table.entityId, table.label, table.role),
    index('mandate_seats_entity_id_idx').on(table.entityId),
    check('mandate_seats_role', sql`${table.role} IN ('titular', 'substitute')`),
    check('mandate_seats_label_length', sql`length(${table.label}) BETWEEN 1 AND 200`),
    tenantIsolationPolicy('mandate_seats'),
  ],
).enableRLS();

/**
 * A person (CRM contact) holding a seat for a period. `entity_id` and `body_id` repeat the seat's
 * (they never change) for isolation and reports. No two active mandates of a seat overlap: checked
 * by the service under a lock on the seat (PGlite has no btree_gist for an exclusion constraint).
 * The person's foreign key is declared in SQL (custom migration), outside the CRM's Drizzle tables.
 */
export const mandates = pgTable(
  'mandates',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    seatId: uuid('seat_id')
      .notNull()
      .references(() => mandateSeats.id),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => mandateBodies.id),
    personId: uuid('person_id').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: MANDATE_STATUSES }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('mandates_entity_id_idx').on(table.entityId, table.endOn),
    index('mandates_seat_idx').on(table.seatId, table.startOn),
    index('mandates_body_idx').on(table.bodyId),
    index('mandates_person_idx').on(table.personId),
    index('mandates_active_end_idx').on(table.endOn).where(sql`${table.status} = 'active'`),
    check('mandates_status', sql`${table.status} IN ('active', 'cancelled')`),
    check('mandates_dates', sql`${table.endOn} >= ${table.startOn}`),
    tenantIsolationPolicy('mandates'),
  ],
).enableRLS();
