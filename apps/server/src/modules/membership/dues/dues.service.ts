import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, PreconditionFailedError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { isUniqueViolation, scopeOf, type MembershipActor, type MembershipDeps } from '../memberships/membership-actor.js';
import { typesByIds } from '../memberships/memberships.repository.js';
import { MEMBERSHIP_PERMISSIONS } from '../memberships/permissions.js';
import { rateCriteriaKey } from './compute-dues.js';
import { bumpSchedule, deleteSchedule, findSchedule, findScheduleFor, insertSchedule, listSchedules, replaceRates } from './dues.repository.js';
import { HEADCOUNT_BAND_CODES, type CreateDuesSchedule, type DuesSchedule, type DuesScheduleListQuery, type RateInput, type ReplaceDuesSchedule } from './dues.schema.js';

const REFUSED = 'Le barème de cotisation ne peut pas être enregistré.';
const BANDS: readonly string[] = HEADCOUNT_BAND_CODES;

/** Negative amounts, unknown bands, types of another entity, two rates with the same criteria. */
async function rateErrors(tx: Tx, entityId: string, rates: readonly RateInput[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const types = new Map((await typesByIds(tx, [...new Set(rates.flatMap((rate) => (rate.typeId ? [rate.typeId] : [])))])).map((type) => [type.id, type]));
  const seen = new Map<string, number>();
  rates.forEach((rate, index) => {
    if (rate.amountCents < 0) errors.push({ pointer: `/rates/${index}/amountCents`, message: 'Le montant de la cotisation ne peut pas être négatif.' });
    if (rate.headcountBand && !BANDS.includes(rate.headcountBand)) {
      errors.push({ pointer: `/rates/${index}/headcountBand`, message: `« ${rate.headcountBand} » n'est pas une tranche d'effectif INSEE (00, 01, 02, 03, 11 … 53).` });
    }
    if (rate.typeId && types.get(rate.typeId)?.entityId !== entityId) {
      errors.push({ pointer: `/rates/${index}/typeId`, message: "Ce type de membre n'existe pas pour cette structure." });
    }
    const key = rateCriteriaKey({ headcountBand: rate.headcountBand ?? null, typeId: rate.typeId ?? null });
    const previous = seen.get(key);
    if (previous !== undefined) {
      errors.push({ pointer: `/rates/${index}`, message: `Ce tarif recoupe le tarif n° ${previous + 1} : même tranche d'effectif et même type de membre.` });
    } else seen.set(key, index);
  });
  return errors;
}

export async function createSchedule(deps: MembershipDeps, actor: MembershipActor, input: CreateDuesSchedule): Promise<DuesSchedule> {
  if (!actor.principal.holdsOn(MEMBERSHIP_PERMISSIONS.write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas établir de barème pour cette structure.' }], REFUSED);
  }
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const errors = await rateErrors(tx, input.entityId, input.rates);
    if (await findScheduleFor(tx, input.entityId, input.year)) {
      errors.unshift({ pointer: '/year', message: `Un barème existe déjà pour ${input.year} dans cette structure : modifiez-le plutôt que d'en créer un second.` });
    }
    if (errors.length > 0) throw new ValidationError(errors, REFUSED);
    const id = newId();
    try {
      await insertSchedule(tx, { id, entityId: input.entityId, year: input.year, proRata: input.proRata ?? false });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ValidationError([{ pointer: '/year', message: `Un barème existe déjà pour ${input.year} dans cette structure.` }], REFUSED);
    }
    await replaceRates(tx, id, input.entityId, input.rates, newId);
    const created = (await findSchedule(tx, id))!;
    await recordAudit(tx, { action: 'membership.dues_schedule.created', resourceType: 'dues_schedule', resourceId: id, entityId: input.entityId, after: { year: created.year, proRata: created.proRata, rates: created.rates.length }, actor: actor.audit });
    return created;
  });
}

export async function replaceSchedule(deps: MembershipDeps, actor: MembershipActor, id: string, expected: number | null, input: ReplaceDuesSchedule): Promise<DuesSchedule> {
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const current = await findSchedule(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Dues schedule');
    if (expected !== null && expected !== current.version) throw new PreconditionFailedError();
    const errors = await rateErrors(tx, current.entityId, input.rates);
    if (errors.length > 0) throw new ValidationError(errors, REFUSED);
    await bumpSchedule(tx, id, input.proRata);
    await replaceRates(tx, id, current.entityId, input.rates, newId);
    const updated = (await findSchedule(tx, id))!;
    await recordAudit(tx, {
      action: 'membership.dues_schedule.updated',
      resourceType: 'dues_schedule',
      resourceId: id,
      entityId: current.entityId,
      before: { proRata: current.proRata, rates: current.rates.map(({ headcountBand, typeId, amountCents }) => ({ headcountBand, typeId, amountCents })) },
      after: { proRata: updated.proRata, rates: input.rates },
      actor: actor.audit,
    });
    return updated;
  });
}

export async function removeSchedule(deps: MembershipDeps, actor: MembershipActor, id: string): Promise<void> {
  await withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const current = await findSchedule(tx, id, { forUpdate: true });
    if (!current) throw new NotFoundError('Dues schedule');
    await deleteSchedule(tx, id);
    await recordAudit(tx, { action: 'membership.dues_schedule.deleted', resourceType: 'dues_schedule', resourceId: id, entityId: current.entityId, before: { year: current.year }, actor: actor.audit });
  });
}

export async function getSchedule(database: Database, scope: DbScope, id: string): Promise<DuesSchedule> {
  const schedule = await withTransaction(database, scope, (tx) => findSchedule(tx, id), { readOnly: true });
  if (!schedule) throw new NotFoundError('Dues schedule');
  return schedule;
}

export async function searchSchedules(database: Database, scope: DbScope, filter: DuesScheduleListQuery): Promise<DuesSchedule[]> {
  return withTransaction(database, scope, (tx) => listSchedules(tx, filter), { readOnly: true });
}
