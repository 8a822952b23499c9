import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction } from '../../../platform/db/index.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import { scopeOf, type MandateActor, type MandateDeps } from './mandate-actor.js';
import type { Tx } from '../../../platform/db/index.js';
import { findBody, findNationalEntityId, insertBody, listBodies, updateBody } from './mandate-bodies.repository.js';
import { findSeat, insertSeat, listSeats, updateSeat } from './mandate-seats.repository.js';
import { seatCollection } from './mandates.collections.js';
import type { Body, BodyPatch, CreateBody, CreateSeat, Seat, SeatPatch } from './mandates.schema.js';
import { MANDATE_PERMISSIONS } from './permissions.js';

const { read, write } = MANDATE_PERMISSIONS;

const bodyNameTaken = () => new ConflictError('A body already has this name.', 'mandate_body_exists', [{ pointer: '/name', message: 'Une instance porte déjà ce nom.' }]);
const seatTaken = () =>
  new ConflictError('The entity already has this seat.', 'mandate_seat_exists', [{ pointer: '/label', message: 'Ce siège existe déjà pour cette structure et cette instance.' }]);

// Bodies: reference data visible to the whole network (no RLS); any designating entity may declare
// one, shared or owned by one of its entities. Only the owner corrects it; national staff, a shared one.

export async function createBody(deps: MandateDeps, actor: MandateActor, input: CreateBody): Promise<Body> {
  if (input.entityId && !actor.principal.holdsOn(write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas déclarer d’instance pour cette structure.' }]);
  }
  return withTransaction(deps.database, scopeOf(actor, write), async (tx) => {
    const body = await insertBody(tx, newId(), input);
    if (!body) throw bodyNameTaken();
    await recordAudit(tx, { action: 'mandates.body.created', resourceType: 'mandate_body', resourceId: body.id, entityId: body.entityId, after: { ...body }, actor: actor.audit });
    return body;
  });
}

/** Corrects a body, for its keeper only (`requireBodyKeeper`). `expected`: If-Match version. */
export async function patchBody(deps: MandateDeps, actor: MandateActor, id: string, expected: number | '*', patch: BodyPatch): Promise<Body> {
  return withTransaction(deps.database, scopeOf(actor, write), async (tx) => {
    const current = await findBody(tx, id, { lock: true });
    if (!current) throw new NotFoundError('Body');
    await requireBodyKeeper(tx, actor, current);
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const fields = {
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      departementCode: patch.departementCode === undefined ? current.departementCode : patch.departementCode,
      commune: patch.commune === undefined ? current.commune : patch.commune,
    };
    const body = await updateBody(tx, id, current.version, fields);
    if (body === 'taken') throw bodyNameTaken();
    if (!body) throw new PreconditionFailedError();
    const before = { name: current.name, kind: current.kind, departementCode: current.departementCode, commune: current.commune };
    await recordAudit(tx, { action: 'mandates.body.updated', resourceType: 'mandate_body', resourceId: id, entityId: current.entityId, before, after: fields, actor: actor.audit });
    return body;
  });
}

/**
 * A body is corrected by whoever holds `mandates.write` on its owning entity (or an ancestor); a
 * shared body by national staff, holding it on the national office. Bodies are visible to all, so
 * the refusal is a 403, not a 404.
 */
async function requireBodyKeeper(tx: Tx, actor: MandateActor, body: Body): Promise<void> {
  const keeper = body.entityId ?? (await findNationalEntityId(tx));
  if (keeper && actor.principal.holdsOn(write, keeper)) return;
  throw body.entityId
    ? new ForbiddenError('Only the entity that owns this body may correct it.', 'mandate_body_not_owner')
    : new ForbiddenError('Only national staff may correct a body shared by the network.', 'mandate_body_national_only');
}

export async function getBody(deps: MandateDeps, actor: MandateActor, id: string): Promise<Body> {
  const body = await withTransaction(deps.database, scopeOf(actor, read), (tx) => findBody(tx, id), { readOnly: true });
  if (!body) throw new NotFoundError('Body');
  return body;
}

export async function listBodiesFor(deps: MandateDeps, actor: MandateActor, query: CollectionQuery): Promise<CollectionPage<Body>> {
  return withTransaction(deps.database, scopeOf(actor, read), (tx) => listBodies(tx, query), { readOnly: true });
}

// Seats: owned by the designating entity (RLS).

export async function createSeat(deps: MandateDeps, actor: MandateActor, input: CreateSeat): Promise<Seat> {
  if (!actor.principal.holdsOn(write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas déclarer de siège pour cette structure.' }]);
  }
  return withTransaction(deps.database, scopeOf(actor, write), async (tx) => {
    if (!(await findBody(tx, input.bodyId))) throw new ValidationError([{ pointer: '/bodyId', message: "Cette instance n'existe pas." }]);
    const id = newId();
    if (!(await insertSeat(tx, id, input))) throw seatTaken();
    const seat = (await findSeat(tx, id))!;
    await recordAudit(tx, { action: 'mandates.seat.created', resourceType: 'mandate_seat', resourceId: id, entityId: seat.entityId, after: { ...seat }, actor: actor.audit });
    return seat;
  });
}

/** Changes a seat's label or role (the entity and the body stay). `expected`: If-Match version. */
export async function patchSeat(deps: MandateDeps, actor: MandateActor, id: string, expected: number | '*', patch: SeatPatch): Promise<Seat> {
  return withTransaction(deps.database, scopeOf(actor, write), async (tx) => {
    const current = await findSeat(tx, id, { lock: true });
    if (!current) throw new NotFoundError('Seat');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const fields = { label: patch.label ?? current.label, role: patch.role ?? current.role };
    const updated = await updateSeat(tx, current, fields);
    if (updated === 'taken') throw seatTaken();
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'mandates.seat.updated',
      resourceType: 'mandate_seat',
      resourceId: id,
      entityId: current.entityId,
      before: { label: current.label, role: current.role },
      after: fields,
      actor: actor.audit,
    });
    return (await findSeat(tx, id))!;
  });
}

export async function getSeat(deps: MandateDeps, actor: MandateActor, id: string): Promise<Seat> {
  const seat = await withTransaction(deps.database, scopeOf(actor, read), (tx) => findSeat(tx, id), { readOnly: true });
  if (!seat) throw new NotFoundError('Seat');
  return seat;
}

export async function listSeatsFor(deps: MandateDeps, actor: MandateActor, query: CollectionQuery): Promise<CollectionPage<Seat>> {
  return withTransaction(deps.database, scopeOf(actor, read), (tx) => listSeats(tx, seatCollection, query), { readOnly: true });
}
