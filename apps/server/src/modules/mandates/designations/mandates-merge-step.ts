import type { PersonMergeStep } from '../../crm/index.js';

/** When duplicate contacts are merged, their mandates follow the surviving person. */
export const MANDATES_PERSON_MERGE_STEP: PersonMergeStep = {
  table: 'mandates',
  move: async (tx, survivorId, duplicateIds) => {
    const { rowCount } = await tx.client.query('UPDATE mandates SET person_id = $1, version = version + 1, updated_at = now() WHERE person_id = ANY($2)', [survivorId, duplicateIds]);
    return rowCount ?? 0;
  },
};
