import { newId } from '../../../platform/db/index.js';
import type { OrganizationMergeStep } from '../../crm/index.js';
import type { MembershipStatus } from './memberships.tables.js';

const REASON = 'Fusion de fiches en double : adhésion en double résiliée.';

/**
 * When duplicate companies are merged, their memberships follow the survivor. An entity keeps one
 * live (pending, active, grace) membership per company: the survivor's own, else the most recent;
 * the others are cancelled first (with a history row) so the move cannot break that rule.
 */
export const MEMBERSHIPS_MERGE_STEP: OrganizationMergeStep = {
  table: 'memberships',
  async move(tx, survivorId, duplicateIds) {
    const { rows } = await tx.client.query<{ id: string; entity_id: string; status: MembershipStatus; start: string; end: string; today: string }>(
      `SELECT id, entity_id, status, to_char(current_period_start, 'YYYY-MM-DD') AS start, to_char(current_period_end, 'YYYY-MM-DD') AS end,
              to_char((now() AT TIME ZONE 'Europe/Paris')::date, 'YYYY-MM-DD') AS today
         FROM (SELECT *, row_number() OVER (PARTITION BY entity_id ORDER BY organization_id = $1 DESC, started_on DESC, id DESC) AS rank
                 FROM memberships
                WHERE status IN ('pending', 'active', 'grace') AND (organization_id = $1 OR organization_id = ANY($2::uuid[]))) ranked
        WHERE rank > 1`,
      [survivorId, duplicateIds],
    );
    for (const row of rows) {
      await tx.client.query(
        `UPDATE memberships SET status = 'cancelled', cancelled_on = $2, cancellation_reason = 'Fusion de fiches en double', version = version + 1, updated_at = now() WHERE id = $1`,
        [row.id, row.today],
      );
      await tx.client.query(
        `INSERT INTO membership_status_changes (id, entity_id, membership_id, from_status, to_status, effective_on, period_start, period_end, reason)
         VALUES ($1, $2, $3, $4, 'cancelled', $5, $6, $7, $8)`,
        [newId(), row.entity_id, row.id, row.status, row.today, row.start, row.end, REASON],
      );
    }
    const { rowCount } = await tx.client.query(`UPDATE memberships SET organization_id = $1, updated_at = now() WHERE organization_id = ANY($2::uuid[])`, [survivorId, duplicateIds]);
    return rowCount ?? 0;
  },
};
