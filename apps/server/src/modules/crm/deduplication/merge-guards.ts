import type { Principal } from '../../../platform/auth/index.js';
import type { Tx } from '../../../platform/db/index.js';
import { ForbiddenError, ValidationError } from '../../../platform/http/errors.js';
import { MERGE_PERMISSIONS } from './permissions.js';

/** 422 when the survivor is among the duplicates (the body validation already refuses repeats). */
export function assertSurvivorNotMerged(survivorId: string, duplicateIds: readonly string[]): void {
  const index = duplicateIds.indexOf(survivorId);
  if (index >= 0) {
    throw new ValidationError([{ pointer: `/duplicateIds/${index}`, message: 'La fiche conservée ne peut pas figurer parmi les doublons à fusionner.' }]);
  }
}

/**
 * A merge runs for the whole network (it must move every row, including rows the caller cannot
 * see, or the final delete would cascade them away), so the caller's reach is checked here: every
 * row the merge touches must belong to an entity where the caller holds crm.merge.
 */
export function assertWithinReach(principal: Principal, entityIds: Iterable<string>, refusal: string): void {
  const reach = principal.entityIdsFor(MERGE_PERMISSIONS.merge);
  for (const entityId of entityIds) {
    if (!reach.has(entityId)) throw new ForbiddenError(refusal, 'merge_outside_scope');
  }
}

/**
 * Refuses to delete a merged record that a table the merge does not know still references (a module
 * added later, e.g. memberships): its rows would otherwise be cascaded away or block the delete.
 * Each module referencing companies or persons adds its table to the merge it belongs to.
 */
export async function assertNoUnhandledReferences(tx: Tx, table: 'organizations' | 'persons', handled: readonly string[], ids: readonly string[]): Promise<void> {
  const { rows } = await tx.client.query<{ table_name: string; column_name: string }>(
    `SELECT quote_ident(source.relname) AS table_name, quote_ident(attribute.attname) AS column_name
     FROM pg_constraint c
     JOIN pg_class source ON source.oid = c.conrelid
     JOIN pg_attribute attribute ON attribute.attrelid = c.conrelid AND attribute.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND NOT (source.relname = ANY($2))`,
    [table, handled],
  );
  for (const { table_name, column_name } of rows) {
    const { rowCount } = await tx.client.query(`SELECT 1 FROM ${table_name} WHERE ${column_name} = ANY($1) LIMIT 1`, [ids]);
    if ((rowCount ?? 0) > 0) throw new Error(`Merge of ${table}: ${table_name}.${column_name} still references a merged record; teach the merge to move it.`);
  }
}
