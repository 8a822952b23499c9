import type { OrganizationMergeStep } from '../../crm/index.js';

/**
 * When duplicate companies are merged, their invoices follow the survivor. Issued invoices keep
 * their customer snapshot (the legal document does not change); only the link moves, which the
 * immutability trigger allows (migration 0022).
 */
export const INVOICES_MERGE_STEP: OrganizationMergeStep = {
  table: 'invoices',
  async move(tx, survivorId, duplicateIds) {
    const { rowCount } = await tx.client.query(`UPDATE invoices SET organization_id = $1 WHERE organization_id = ANY($2::uuid[])`, [survivorId, duplicateIds]);
    return rowCount ?? 0;
  },
};
