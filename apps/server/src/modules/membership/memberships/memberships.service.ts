import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { findOrganizationById, findOrganizationNames } from '../../crm/index.js';
import { computeDues } from '../dues/compute-dues.js';
import { issueDuesInvoice } from '../dues/dues-invoice.js';
import { findScheduleFor } from '../dues/dues.repository.js';
import { parisToday, yearOf } from './calendar-dates.js';
import { isUniqueViolation, scopeOf, type MembershipActor, type MembershipDeps } from './membership-actor.js';
import { firstPeriod } from './membership-periods.js';
import { settleMembership } from './membership-settle.js';
import { recordMembershipChange } from './membership-timeline.js';
import { findMembership, findType, historyOf, insertMembership, insertStatusChange, fetchMembershipPage, markCancelled, setJoinInvoice } from './memberships.repository.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import type { CancelMembership, CreateMembership, Membership, MembershipDetail, MembershipView } from './memberships.schema.js';
import { MEMBERSHIP_PERMISSIONS } from './permissions.js';

const REFUSED = "L'adhésion ne peut pas être enregistrée.";

/** The API's view: each membership with its company's name, read once for the whole list. */
async function withNames(tx: Tx, items: Membership[]): Promise<MembershipView[]> {
  const names = await findOrganizationNames(tx, [...new Set(items.map((item) => item.organizationId))]);
  // Object.assign, not a spread with added fields: about 20 times cheaper per object on Node 20 (docs/perf.md).
  return items.map((item) => Object.assign({}, item, { organizationName: names.get(item.organizationId) ?? '' }));
}

async function detailOf(tx: Tx, id: string): Promise<MembershipDetail | null> {
  const membership = await findMembership(tx, id);
  if (!membership) return null;
  const [view] = await withNames(tx, [membership]);
  return { ...view!, history: await historyOf(tx, id) };
}

/** Issues the join invoice for the dues of the join year's schedule (pro rata when the schedule says so). */
async function issueJoinInvoice(tx: Tx, actor: MembershipActor, membership: Membership, headcountBand: string | null, dueDate: string): Promise<string> {
  const year = yearOf(membership.startedOn);
  const schedule = await findScheduleFor(tx, membership.entityId, year);
  if (!schedule) throw new ValidationError([{ pointer: '/joinInvoice', message: `Aucun barème de cotisation ${year} n'est défini pour cette structure.` }], REFUSED);
  const dues = computeDues(schedule, { headcountBand }, membership.type, membership.startedOn);
  if (!dues) throw new ValidationError([{ pointer: '/typeId', message: `Le barème ${year} ne prévoit aucun tarif pour ce type de membre et cette tranche d'effectif.` }], REFUSED);
  const label = dues.months < 12 ? `Cotisation ${year} — ${membership.type.label} (${dues.months}/12 mois, adhésion au ${membership.startedOn})` : `Cotisation ${year} — ${membership.type.label}`;
  const invoice = await issueDuesInvoice(tx, { entityId: membership.entityId, organizationId: membership.organizationId, label, amountCents: dues.amountCents, dueDate }, actor);
  return invoice.id;
}

export async function createMembership(deps: MembershipDeps, actor: MembershipActor, input: CreateMembership): Promise<MembershipDetail> {
  if (!actor.principal.holdsOn(MEMBERSHIP_PERMISSIONS.write, input.entityId)) {
    throw new ValidationError([{ pointer: '/entityId', message: "Vous ne pouvez pas enregistrer d'adhésion à cette structure." }], REFUSED);
  }
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const errors: FieldError[] = [];
    const organization = await findOrganizationById(tx, input.organizationId);
    if (!organization) errors.push({ pointer: '/organizationId', message: 'Cette entreprise est introuvable.' });
    const type = await findType(tx, input.typeId);
    if (type?.entityId !== input.entityId) errors.push({ pointer: '/typeId', message: "Ce type de membre n'existe pas pour cette structure." });
    if (errors.length > 0) throw new ValidationError(errors, REFUSED);
    const periodKind = input.periodKind ?? 'calendar';
    const period = firstPeriod(periodKind, input.startedOn);
    const id = newId();
    try {
      await insertMembership(tx, {
        id,
        entityId: input.entityId,
        organizationId: input.organizationId,
        typeId: input.typeId,
        periodKind,
        startedOn: input.startedOn,
        currentPeriodStart: period.start,
        currentPeriodEnd: period.end,
        tacitRenewal: input.tacitRenewal ?? true,
        graceDays: input.graceDays ?? 60,
        billingEmail: input.billingEmail ?? null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictError('Cette entreprise a déjà une adhésion en cours à cette structure.', 'membership_already_live', [{ pointer: '/organizationId', message: 'Adhésion en cours existante.' }]);
    }
    const userId = actor.principal.userId;
    const joined = { status: 'pending' as const, currentPeriodStart: period.start, currentPeriodEnd: period.end, effectiveOn: input.startedOn, reason: 'Adhésion enregistrée.' };
    await insertStatusChange(tx, newId(), input.entityId, id, null, joined, userId);
    let membership = (await findMembership(tx, id))!;
    if (input.joinInvoice && !membership.type.free) {
      await setJoinInvoice(tx, id, await issueJoinInvoice(tx, actor, membership, organization!.headcountBand, input.joinInvoice.dueDate));
    }
    await recordMembershipChange(tx, membership, 'pending', `Adhésion enregistrée (${membership.type.label}) à compter du ${input.startedOn}.`, userId);
    // A free type is active at once; the others wait for the join invoice's payment (daily job).
    await settleMembership(tx, id, parisToday(), userId);
    membership = (await findMembership(tx, id))!;
    await recordAudit(tx, {
      action: 'membership.membership.created',
      resourceType: 'membership',
      resourceId: id,
      entityId: input.entityId,
      after: { organizationId: input.organizationId, typeId: input.typeId, status: membership.status, startedOn: input.startedOn, joinInvoiceId: membership.joinInvoiceId },
      actor: actor.audit,
    });
    return (await detailOf(tx, id))!;
  });
}

export async function cancelMembership(deps: MembershipDeps, actor: MembershipActor, id: string, input: CancelMembership): Promise<MembershipDetail> {
  return withTransaction(deps.database, scopeOf(actor), async (tx) => {
    const membership = await findMembership(tx, id, { forUpdate: true });
    if (!membership) throw new NotFoundError('Membership');
    if (membership.status === 'cancelled' || membership.status === 'lapsed') {
      throw new ConflictError(`Cette adhésion est déjà ${membership.status === 'cancelled' ? 'résiliée' : 'échue'}.`, 'membership_closed');
    }
    const cancelledOn = input.cancelledOn ?? parisToday();
    await markCancelled(tx, id, cancelledOn, input.reason);
    const step = { status: 'cancelled' as const, currentPeriodStart: membership.currentPeriodStart, currentPeriodEnd: membership.currentPeriodEnd, effectiveOn: cancelledOn, reason: input.reason };
    await insertStatusChange(tx, newId(), membership.entityId, id, membership.status, step, actor.principal.userId);
    await recordMembershipChange(tx, membership, 'cancelled', `Adhésion résiliée au ${cancelledOn} : ${input.reason}`, actor.principal.userId, actor.audit);
    await recordAudit(tx, { action: 'membership.membership.cancelled', resourceType: 'membership', resourceId: id, entityId: membership.entityId, before: { status: membership.status }, after: { status: 'cancelled', cancelledOn }, actor: actor.audit });
    return (await detailOf(tx, id))!;
  });
}

export async function getMembership(database: Database, scope: DbScope, id: string): Promise<MembershipDetail> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const detail = await detailOf(tx, id);
      if (!detail) throw new NotFoundError('Membership');
      return detail;
    },
    { readOnly: true },
  );
}

export async function searchMemberships(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<MembershipView>> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const page = await fetchMembershipPage(tx, query);
      return { ...page, items: await withNames(tx, page.items) };
    },
    { readOnly: true },
  );
}
