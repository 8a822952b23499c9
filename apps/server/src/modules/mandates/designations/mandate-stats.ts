import type { Tx } from '../../../platform/db/index.js';

/** Active mandates of the caller's scope (RLS) ending in a window, by month, for the dashboard. */
export interface MandateStats {
  /** `YYYY-MM` → mandates ending that month; months without any are absent. */
  endingByMonth: Array<{ month: string; count: number }>;
  /** Those ending on or before `soonUntil`. */
  endingSoon: number;
}

/** `entityIds` repeats the scope (RLS alone gives the planner no index to use). */
export async function mandateStats(tx: Tx, options: { entityIds: readonly string[]; from: string; to: string; soonUntil: string }): Promise<MandateStats> {
  const { rows } = await tx.client.query<{ month: string; count: number; soon: number }>(
    `SELECT to_char(end_on, 'YYYY-MM') AS month, count(*)::int AS count, (count(*) FILTER (WHERE end_on <= $3))::int AS soon
       FROM mandates
      WHERE entity_id = ANY($4::uuid[]) AND status = 'active' AND end_on >= $1 AND end_on <= $2
      GROUP BY 1 ORDER BY 1`,
    [options.from, options.to, options.soonUntil, [...options.entityIds]],
  );
  return { endingByMonth: rows.map((row) => ({ month: row.month, count: row.count })), endingSoon: rows.reduce((sum, row) => sum + row.soon, 0) };
}
