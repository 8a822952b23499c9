import type { Tx } from '../../../platform/db/index.js';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from './memberships.tables.js';

export interface RenewalFigures {
  year: number;
  /** Members invoiced by the year's renewal campaign. */
  due: number;
  /** Those whose renewal invoice is paid in full. */
  renewed: number;
}

/** Membership and dues figures of the caller's scope (RLS), for the dashboard. */
export interface MembershipStats {
  byStatus: Record<MembershipStatus, number>;
  renewals: RenewalFigures[];
  dues: {
    year: number;
    /** Dues invoices (series COT) issued in the year, net of credit notes. */
    invoicedCents: number;
    /** What was paid against them. */
    collectedCents: number;
  };
  /** Unpaid balance of every issued invoice past its due date (any year, Europe/Paris calendar). */
  overdueCents: number;
}

interface Row {
  by_status: Record<string, number> | null;
  renewals: Array<{ year: number; due: number; renewed: number }> | null;
  invoiced: string;
  collected: string;
  overdue: string;
}

/**
 * One statement over the per-entity totals that triggers keep in step with memberships, invoices
 * and renewal invoices (membership-totals.tables.ts, migration `membership_totals_triggers`): a
 * national read sums a few hundred rows instead of scanning every invoice, and the figures are as
 * exact and as current as the rows themselves. Read under the caller's transaction scope (RLS);
 * `entityIds` repeats it so that the primary keys are used. Renewals are counted on the campaign's
 * entity, which is also the entity of the invoices it issues.
 */
export async function membershipStats(tx: Tx, options: { entityIds: readonly string[]; duesYear: number; renewalYears: readonly number[] }): Promise<MembershipStats> {
  const { rows } = await tx.client.query<Row>(
    `SELECT
       (SELECT json_object_agg(status, n) FROM (SELECT status, sum(members)::int AS n FROM membership_status_totals WHERE entity_id = ANY($3::uuid[]) GROUP BY status) s) AS by_status,
       (SELECT json_agg(r ORDER BY r.year) FROM (
          SELECT year, sum(due)::int AS due, sum(renewed)::int AS renewed
            FROM membership_renewal_totals WHERE entity_id = ANY($3::uuid[]) AND year = ANY($2::int[]) GROUP BY year) r) AS renewals,
       d.invoiced, d.collected,
       (SELECT coalesce(sum(unpaid_cents), 0)::bigint FROM membership_open_balances
         WHERE entity_id = ANY($3::uuid[]) AND due_date < (now() AT TIME ZONE 'Europe/Paris')::date) AS overdue
     FROM (SELECT coalesce(sum(invoiced_cents), 0)::bigint AS invoiced, coalesce(sum(collected_cents), 0)::bigint AS collected
             FROM membership_dues_totals WHERE entity_id = ANY($3::uuid[]) AND fiscal_year = $1) d`,
    [options.duesYear, [...options.renewalYears], [...options.entityIds]],
  );
  const row = rows[0]!;
  const byStatus = Object.fromEntries(MEMBERSHIP_STATUSES.map((status) => [status, row.by_status?.[status] ?? 0])) as Record<MembershipStatus, number>;
  const found = new Map((row.renewals ?? []).map((renewal) => [renewal.year, renewal]));
  return {
    byStatus,
    renewals: options.renewalYears.map((year) => ({ year, due: found.get(year)?.due ?? 0, renewed: found.get(year)?.renewed ?? 0 })),
    dues: { year: options.duesYear, invoicedCents: Number(row.invoiced), collectedCents: Number(row.collected) },
    overdueCents: Number(row.overdue),
  };
}
