import type { OrganizationMergeStep } from '../../crm/index.js';

/**
 * When duplicate companies are merged, their mandates follow the survivor. A creditor entity keeps
 * one active mandate per debtor: the survivor's own, else the most recently signed; the others
 * are revoked first so the move cannot break that rule.
 */
export const SEPA_MANDATES_MERGE_STEP: OrganizationMergeStep = {
  table: 'sepa_mandates',
  async move(tx, survivorId, duplicateIds) {
    await tx.client.query(
      `WITH ranked AS (
         SELECT id, row_number() OVER (PARTITION BY entity_id ORDER BY organization_id = $1 DESC, signature_date DESC, id DESC) AS rank
           FROM sepa_mandates
          WHERE status = 'active' AND (organization_id = $1 OR organization_id = ANY($2::uuid[]))
       )
       UPDATE sepa_mandates SET status = 'revoked', revoked_at = now(), updated_at = now() WHERE id IN (SELECT id FROM ranked WHERE rank > 1)`,
      [survivorId, duplicateIds],
    );
    const { rowCount } = await tx.client.query(`UPDATE sepa_mandates SET organization_id = $1, updated_at = now() WHERE organization_id = ANY($2::uuid[])`, [survivorId, duplicateIds]);
    return rowCount ?? 0;
  },
};
