import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { membershipCollection } from './memberships.collection.js';
import type { StatusStep } from './membership-status.js';
import type { ActiveMembership, Membership, StatusChange } from './memberships.schema.js';
import { memberships, membershipStatusChanges, membershipTypes, type MembershipStatus } from './memberships.tables.js';

type MembershipRow = typeof memberships.$inferSelect;
type TypeRow = typeof membershipTypes.$inferSelect;

function toMembership(row: MembershipRow, type: TypeRow): Membership {
  return {
    id: row.id,
    entityId: row.entityId,
    organizationId: row.organizationId,
    type: { id: type.id, code: type.code, label: type.label, free: type.free },
    status: row.status,
    periodKind: row.periodKind,
    startedOn: row.startedOn,
    currentPeriodStart: row.currentPeriodStart,
    currentPeriodEnd: row.currentPeriodEnd,
    tacitRenewal: row.tacitRenewal,
    graceDays: row.graceDays,
    joinInvoiceId: row.joinInvoiceId,
    billingEmail: row.billingEmail,
    cancelledOn: row.cancelledOn,
    cancellationReason: row.cancellationReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const selectWithType = (tx: Tx) => tx.db.select({ m: memberships, t: membershipTypes }).from(memberships).innerJoin(membershipTypes, eq(membershipTypes.id, memberships.typeId));

export async function findMembership(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<Membership | null> {
  const query = selectWithType(tx).where(eq(memberships.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: memberships }) : await query;
  return row ? toMembership(row.m, row.t) : null;
}

/** One page of the memberships the scope sees, each with its member type. */
export async function fetchMembershipPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Membership>> {
  const page = await fetchPage<MembershipRow>(tx, membershipCollection, query, { table: memberships });
  const types = new Map((await typesByIds(tx, [...new Set(page.items.map((row) => row.typeId))])).map((type) => [type.id, type]));
  return { ...page, items: page.items.map((row) => toMembership(row, types.get(row.typeId)!)) };
}

export async function insertMembership(tx: Tx, values: typeof memberships.$inferInsert): Promise<void> {
  await tx.db.insert(memberships).values(values);
}

export async function setJoinInvoice(tx: Tx, id: string, invoiceId: string): Promise<void> {
  await tx.db.update(memberships).set({ joinInvoiceId: invoiceId }).where(eq(memberships.id, id));
}

/** Moves the status and period, and writes the history row, in the caller's transaction. */
export async function applyStep(tx: Tx, membership: Pick<Membership, 'id' | 'entityId' | 'status'>, step: StatusStep, changedBy: string | null, newId: () => string): Promise<void> {
  await tx.db
    .update(memberships)
    .set({ status: step.status, currentPeriodStart: step.currentPeriodStart, currentPeriodEnd: step.currentPeriodEnd, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
    .where(eq(memberships.id, membership.id));
  await insertStatusChange(tx, newId(), membership.entityId, membership.id, membership.status, step, changedBy);
}

export async function insertStatusChange(tx: Tx, id: string, entityId: string, membershipId: string, fromStatus: MembershipStatus | null, step: StatusStep, changedBy: string | null): Promise<void> {
  await tx.db.insert(membershipStatusChanges).values({
    id,
    entityId,
    membershipId,
    fromStatus,
    toStatus: step.status,
    effectiveOn: step.effectiveOn,
    periodStart: step.currentPeriodStart,
    periodEnd: step.currentPeriodEnd,
    reason: step.reason,
    changedBy,
  });
}

export async function markCancelled(tx: Tx, id: string, cancelledOn: string, reason: string): Promise<void> {
  await tx.db
    .update(memberships)
    .set({ status: 'cancelled', cancelledOn, cancellationReason: reason, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
    .where(eq(memberships.id, id));
}

export async function historyOf(tx: Tx, membershipId: string): Promise<StatusChange[]> {
  const rows = await tx.db.select().from(membershipStatusChanges).where(eq(membershipStatusChanges.membershipId, membershipId)).orderBy(asc(membershipStatusChanges.createdAt), asc(membershipStatusChanges.id));
  return rows.map((row) => ({
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    effectiveOn: row.effectiveOn,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    reason: row.reason,
    changedBy: row.changedBy,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Whether the join invoice is paid, and which dues years have a paid renewal invoice. */
export async function paymentStateOf(tx: Tx, membershipId: string, joinInvoiceId: string | null): Promise<{ joinPaid: boolean; paidRenewalYears: number[] }> {
  const { rows } = await tx.client.query<{ join_paid: boolean; years: number[] }>(
    `SELECT coalesce((SELECT status = 'paid' FROM invoices WHERE id = $2), false) AS join_paid,
            coalesce((SELECT array_agg(r.year ORDER BY r.year) FROM renewal_invoices r JOIN invoices i ON i.id = r.invoice_id
                      WHERE r.membership_id = $1 AND r.outcome = 'issued' AND i.status = 'paid'), '{}') AS years`,
    [membershipId, joinInvoiceId],
  );
  return { joinPaid: rows[0]!.join_paid, paidRenewalYears: rows[0]!.years };
}

/** Memberships the daily job may have to move on `today` (a page, by id). */
export async function membershipsToSettle(tx: Tx, today: string, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await tx.client.query<{ id: string }>(
    `SELECT id FROM memberships
     WHERE (status IN ('pending', 'grace') OR (status = 'active' AND current_period_end < $1::date))
       AND ($2::uuid IS NULL OR id > $2::uuid)
     ORDER BY id LIMIT $3`,
    [today, afterId, limit],
  );
  return rows.map((row) => row.id);
}

/** Live (active or in grace) memberships of the companies, visible in the transaction's scope. */
export async function activeMembershipsOf(tx: Tx, organizationIds: readonly string[]): Promise<ActiveMembership[]> {
  if (organizationIds.length === 0) return [];
  const { rows } = await tx.client.query<{
    id: string;
    organization_id: string;
    entity_id: string;
    entity_name: string;
    type_code: string;
    type_label: string;
    status: 'active' | 'grace';
    current_period_start: string;
    current_period_end: string;
  }>(
    `SELECT m.id, m.organization_id, m.entity_id, e.name AS entity_name, t.code AS type_code, t.label AS type_label, m.status,
            to_char(m.current_period_start, 'YYYY-MM-DD') AS current_period_start, to_char(m.current_period_end, 'YYYY-MM-DD') AS current_period_end
     FROM memberships m JOIN membership_types t ON t.id = m.type_id JOIN entities e ON e.id = m.entity_id
     WHERE m.organization_id = ANY($1::uuid[]) AND m.status IN ('active', 'grace')
     ORDER BY m.organization_id, e.name`,
    [organizationIds],
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    entityId: row.entity_id,
    entityName: row.entity_name,
    typeCode: row.type_code,
    typeLabel: row.type_label,
    status: row.status,
    currentPeriodStart: row.current_period_start,
    currentPeriodEnd: row.current_period_end,
  }));
}

export async function findType(tx: Tx, id: string): Promise<TypeRow | null> {
  const [row] = await tx.db.select().from(membershipTypes).where(eq(membershipTypes.id, id));
  return row ?? null;
}

export async function typesByIds(tx: Tx, ids: readonly string[]): Promise<TypeRow[]> {
  return ids.length === 0 ? [] : tx.db.select().from(membershipTypes).where(inArray(membershipTypes.id, [...ids]));
}

export async function listTypes(tx: Tx, entityId: string | undefined): Promise<TypeRow[]> {
  return tx.db
    .select()
    .from(membershipTypes)
    .where(entityId ? eq(membershipTypes.entityId, entityId) : undefined)
    .orderBy(asc(membershipTypes.entityId), asc(membershipTypes.code));
}

export async function insertType(tx: Tx, values: typeof membershipTypes.$inferInsert): Promise<TypeRow> {
  const [row] = await tx.db.insert(membershipTypes).values(values).returning();
  return row!;
}
