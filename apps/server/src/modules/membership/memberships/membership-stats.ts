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
 * One statement, read under the caller's transaction scope. Renewals: the members a campaign of
 * the year invoiced (`renewal_invoices` outcome `issued`) and how many of those invoices are paid.
 * `entityIds` repeats the scope (RLS alone hides rows but gives the planner no index to use).
 */
export async function membershipStats(tx: Tx, options: { entityIds: readonly string[]; duesYear: number; renewalYears: readonly number[] }): Promise<MembershipStats> {
  const { rows } = await tx.client.query<Row>(
    `SELECT
       (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM memberships WHERE entity_id = ANY($3::uuid[]) GROUP BY status) s) AS by_status,
       (SELECT json_agg(r ORDER BY r.year) FROM (
          SELECT ri.year, count(*)::int AS due, (count(*) FILTER (WHERE i.status = 'paid'))::int AS renewed
            FROM renewal_invoices ri JOIN invoices i ON i.id = ri.invoice_id AND i.entity_id = ANY($3::uuid[])
           WHERE ri.entity_id = ANY($3::uuid[]) AND ri.outcome = 'issued' AND ri.year = ANY($2::int[])
           GROUP BY ri.year) r) AS renewals,
       d.invoiced, d.collected,
       (SELECT coalesce(sum(total_incl_tax_cents - paid_cents - credited_cents), 0)::bigint
          FROM invoices
         WHERE entity_id = ANY($3::uuid[]) AND kind = 'invoice' AND status IN ('issued', 'partially_paid') AND due_date < (now() AT TIME ZONE 'Europe/Paris')::date) AS overdue
     FROM (SELECT coalesce(sum(total_incl_tax_cents - credited_cents), 0)::bigint AS invoiced, coalesce(sum(paid_cents), 0)::bigint AS collected
             FROM invoices
            WHERE entity_id = ANY($3::uuid[]) AND kind = 'invoice' AND series = 'COT' AND fiscal_year = $1 AND status IN ('issued', 'partially_paid', 'paid')) d`,
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
