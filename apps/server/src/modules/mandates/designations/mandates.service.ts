import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Tx } from '../../../platform/db/index.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import { scopeOf, type MandateActor, type MandateDeps } from './mandate-actor.js';
import { findSeat } from './mandate-seats.repository.js';
import { mandateCollection } from './mandates.collections.js';
import { findMandate, findOverlap, insertMandate, listMandates, personIsVisible, updateMandate } from './mandates.repository.js';
import type { CreateMandate, Mandate, MandatePatch } from './mandates.schema.js';
import { MANDATE_PERMISSIONS } from './permissions.js';

const { read, write } = MANDATE_PERMISSIONS;

const frenchDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** The period rules: end ≥ start, and no other active mandate of the seat meets the period (seat row locked). */
async function assertPeriodFree(tx: Tx, seatId: string, startOn: string, endOn: string, exceptId: string | null): Promise<void> {
  if (endOn < startOn) throw new ValidationError([{ pointer: '/endOn', message: 'La date de fin doit être postérieure ou égale à la date de début.' }]);
  const overlap = await findOverlap(tx, seatId, startOn, endOn, exceptId);
  if (overlap) {
    throw new ValidationError([
      { pointer: '/startOn', message: `Ce siège est déjà occupé du ${frenchDate(overlap.startOn)} au ${frenchDate(overlap.endOn)} : les mandats d'un même siège ne peuvent pas se chevaucher.` },
    ]);
  }
}

export async function createMandate(deps: MandateDeps, actor: MandateActor, input: CreateMandate): Promise<Mandate> {
  return withTransaction(deps.database, scopeOf(actor, write), async (tx) => {
    // Locking the seat serialises designations to it, so two concurrent ones cannot both pass the overlap check.
    const seat = await findSeat(tx, input.seatId, { lock: true });
    const problems = [];
    if (!seat) problems.push({ pointer: '/seatId', message: "Ce siège n'existe pas ou n'est pas accessible." });
    if (!(await personIsVisible(tx, input.personId))) problems.push({ pointer: '/personId', message: "Ce contact n'existe pas ou n'est pas accessible." });
    if (problems.length > 0) throw new ValidationError(problems);
    await assertPeriodFree(tx, seat!.id, input.startOn, input.endOn, null);
    const id = newId();
    await insertMandate(tx, { id, entityId: seat!.entityId, seatId: seat!.id, bodyId: seat!.bodyId, personId: input.personId, startOn: input.startOn, endOn: input.endOn });
    const mandate = (await findMandate(tx, id))!;
    await recordAudit(tx, {
      action: 'mandates.mandate.created',
      resourceType: 'mandate',
      resourceId: id,
      entityId: mandate.entityId,
      after: { seatId: mandate.seatId, personId: mandate.personId, startOn: mandate.startOn, endOn: mandate.endOn },
      actor: actor.audit,
    });
    return mandate;
  });
}

export async function patchMandate(deps: MandateDeps, actor: MandateActor, id: string, expected: number | '*', patch: MandatePatch): Promise<Mandate> {
  return withTransaction(deps.database, scopeOf(actor, write), async (tx) => {
    const current = await findMandate(tx, id);
    if (!current) throw new NotFoundError('Mandate');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const fields = { startOn: patch.startOn ?? current.startOn, endOn: patch.endOn ?? current.endOn, status: patch.status ?? current.status };
    await findSeat(tx, current.seatId, { lock: true });
    if (fields.status === 'active') await assertPeriodFree(tx, current.seatId, fields.startOn, fields.endOn, id);
    else if (fields.endOn < fields.startOn) throw new ValidationError([{ pointer: '/endOn', message: 'La date de fin doit être postérieure ou égale à la date de début.' }]);
    if (!(await updateMandate(tx, id, current.version, fields))) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: 'mandates.mandate.updated',
      resourceType: 'mandate',
      resourceId: id,
      entityId: current.entityId,
      before: { startOn: current.startOn, endOn: current.endOn, status: current.status },
      after: fields,
      actor: actor.audit,
    });
    return (await findMandate(tx, id))!;
  });
}

export async function getMandate(deps: MandateDeps, actor: MandateActor, id: string): Promise<Mandate> {
  const mandate = await withTransaction(deps.database, scopeOf(actor, read), (tx) => findMandate(tx, id), { readOnly: true });
  if (!mandate) throw new NotFoundError('Mandate');
  return mandate;
}

export async function listMandatesFor(deps: MandateDeps, actor: MandateActor, query: CollectionQuery): Promise<CollectionPage<Mandate>> {
  return withTransaction(deps.database, scopeOf(actor, read), (tx) => listMandates(tx, mandateCollection, query), { readOnly: true });
}
