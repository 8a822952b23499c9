import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineCollection } from '../../../platform/http/collection.js';
import { BODY_KINDS, MANDATE_STATUSES, SEAT_ROLES, mandateBodies, mandateSeats, mandates } from './mandates.tables.js';

/** `GET /api/v1/mandate-bodies`. */
export const bodyCollection = defineCollection({
  name: 'mandateBodies',
  id: mandateBodies.id,
  fields: {
    name: { column: mandateBodies.name, type: 'string', filter: ['contains'], sort: true, description: 'Name' },
    kind: { column: mandateBodies.kind, type: 'enum', values: BODY_KINDS, filter: ['eq', 'in'], description: 'Kind of body' },
    departementCode: { column: mandateBodies.departementCode, type: 'string', filter: ['eq'], description: 'Département code' },
    createdAt: { column: mandateBodies.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
  },
  defaultSort: 'name',
  defaultLimit: 50,
});

const seatFields = {
  entityId: { column: mandateSeats.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Designating entity' },
  bodyId: { column: mandateSeats.bodyId, type: 'uuid', filter: ['eq', 'in'], description: 'Body' },
  role: { column: mandateSeats.role, type: 'enum', values: SEAT_ROLES, filter: ['eq'], description: 'titular or substitute' },
  label: { column: mandateSeats.label, type: 'string', filter: ['contains'], sort: true, description: 'Seat label' },
  createdAt: { column: mandateSeats.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
} as const;

/** `GET /api/v1/mandate-seats`. */
export const seatCollection = defineCollection({ name: 'mandateSeats', id: mandateSeats.id, fields: seatFields, defaultSort: 'label', defaultLimit: 50 });

/** `GET /api/v1/mandate-reports/vacant-seats`: the same fields, over seats without a current mandate. */
export const vacantSeatCollection = defineCollection({ name: 'vacantSeats', id: mandateSeats.id, fields: seatFields, defaultSort: 'label', defaultLimit: 50 });

const mandateFields = {
  entityId: { column: mandates.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Designating entity (mandates by entity)' },
  bodyId: { column: mandates.bodyId, type: 'uuid', filter: ['eq', 'in'], description: 'Body (mandates by body)' },
  seatId: { column: mandates.seatId, type: 'uuid', filter: ['eq'], description: 'Seat' },
  personId: { column: mandates.personId, type: 'uuid', filter: ['eq'], description: 'Holder' },
  status: { column: mandates.status, type: 'enum', values: MANDATE_STATUSES, filter: ['eq'], description: 'active or cancelled' },
  startOn: { column: mandates.startOn, type: 'date', filter: ['gte', 'lte'], sort: true, description: 'First day' },
  endOn: { column: mandates.endOn, type: 'date', filter: ['gte', 'lte'], sort: true, description: 'Last day' },
  createdAt: { column: mandates.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Creation' },
} as const;

/** `GET /api/v1/mandates` (by entity: `filter[entityId]`, by body: `filter[bodyId]`). */
export const mandateCollection = defineCollection({ name: 'mandates', id: mandates.id, fields: mandateFields, defaultSort: 'endOn', defaultLimit: 50 });

/** `GET /api/v1/mandate-reports/expiring`: active mandates ending between today and today + withinDays. */
export const expiringMandateCollection = defineCollection({
  name: 'expiringMandates',
  id: mandates.id,
  fields: mandateFields,
  defaultSort: 'endOn',
  defaultLimit: 50,
  extraParameters: { withinDays: Type.Integer({ minimum: 1, maximum: 3650, default: 90, description: 'Horizon in days (default 90)' }) },
});

/** A seat is vacant on a day when no active mandate of it covers that day. */
export const seatIsVacantSql = (on: string) =>
  sql`NOT EXISTS (SELECT 1 FROM mandates m WHERE m.seat_id = ${mandateSeats.id} AND m.status = 'active' AND m.start_on <= ${on}::date AND m.end_on >= ${on}::date)`;
