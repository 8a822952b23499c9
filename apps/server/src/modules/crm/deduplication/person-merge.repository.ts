import type { Tx } from '../../../platform/db/index.js';

// Runs in a system-scoped transaction (see merge-guards.ts): these statements see every row.

/** Tables the person merge moves; anything else referencing persons stops the merge. */
export const PERSON_FACET_TABLES = ['person_emails', 'affiliations', 'person_consents', 'interactions'] as const;

export interface LockedPerson {
  id: string;
  entity_id: string;
  anonymized_at: Date | null;
  [column: string]: unknown;
}

export async function lockPersons(tx: Tx, ids: readonly string[]): Promise<LockedPerson[]> {
  const { rows } = await tx.client.query<LockedPerson>('SELECT * FROM persons WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
  return rows;
}

/** Entities owning the facets of these persons (the caller must reach them all). */
export async function facetEntityIds(tx: Tx, personIds: readonly string[]): Promise<string[]> {
  const { rows } = await tx.client.query<{ entity_id: string }>(
    `SELECT entity_id FROM person_emails WHERE person_id = ANY($1)
     UNION SELECT entity_id FROM affiliations WHERE person_id = ANY($1)
     UNION SELECT entity_id FROM person_consents WHERE person_id = ANY($1)
     UNION SELECT entity_id FROM interactions WHERE person_id = ANY($1)`,
    [personIds],
  );
  return rows.map((row) => row.entity_id);
}

/**
 * What the audit keeps of a merged person: its row and every facet, as they were. Identifying values
 * (names, phones, addresses, ciphertexts, consent proofs) go under the `personalData` key, which the
 * audit trail masks (ADR 0009: the sealed trail never holds what erasure would have to remove).
 */
export async function personSnapshot(tx: Tx, person: LockedPerson): Promise<Record<string, unknown>> {
  const facet = async (sql: string) => (await tx.client.query(sql, [person.id])).rows;
  const { id, entity_id, legal_basis, retention_flagged_at, anonymized_at, last_interaction_at, version, created_at, updated_at, ...identifying } = person;
  return {
    person: { id, entity_id, legal_basis, retention_flagged_at, anonymized_at, last_interaction_at, version, created_at, updated_at },
    personalData: {
      ...identifying,
      emails: await facet('SELECT email, is_primary FROM person_emails WHERE person_id = $1 ORDER BY email'),
      consentProofs: await facet('SELECT id, proof FROM person_consents WHERE person_id = $1 AND proof IS NOT NULL ORDER BY id'),
    },
    emailIds: (await facet('SELECT id FROM person_emails WHERE person_id = $1 ORDER BY id')).map((row) => row.id),
    affiliations: await facet('SELECT id, entity_id, organization_id, role, starts_on, ends_on, is_primary FROM affiliations WHERE person_id = $1 ORDER BY id'),
    consents: await facet('SELECT id, entity_id, channel, status, source, recorded_at, recorded_by FROM person_consents WHERE person_id = $1 ORDER BY recorded_at, id'),
    interactionIds: (await facet('SELECT id FROM interactions WHERE person_id = $1 ORDER BY id')).map((row) => row.id),
  };
}

/**
 * Moves the duplicates' facets to the survivor. Person-owned facets (addresses, affiliations,
 * consents) join the survivor's entity; interactions keep theirs (the branch that had the exchange).
 * An address the survivor already has is dropped; one held by a third person of the survivor's
 * entity violates the unique constraint and aborts the whole merge.
 */
export async function moveFacets(tx: Tx, survivor: LockedPerson, duplicateIds: readonly string[]): Promise<Record<string, number>> {
  const run = async (sql: string, values: unknown[]) => (await tx.client.query(sql, values)).rowCount ?? 0;
  await run(
    `DELETE FROM person_emails d WHERE d.person_id = ANY($1)
       AND (EXISTS (SELECT 1 FROM person_emails s WHERE s.person_id = $2 AND s.email = d.email)
         OR EXISTS (SELECT 1 FROM person_emails o WHERE o.person_id = ANY($1) AND o.email = d.email AND o.id < d.id))`,
    [duplicateIds, survivor.id],
  );
  return {
    emails: await run('UPDATE person_emails SET person_id = $2, entity_id = $3, is_primary = false WHERE person_id = ANY($1)', [duplicateIds, survivor.id, survivor.entity_id]),
    affiliations: await run('UPDATE affiliations SET person_id = $2, entity_id = $3 WHERE person_id = ANY($1)', [duplicateIds, survivor.id, survivor.entity_id]),
    consents: await run('UPDATE person_consents SET person_id = $2, entity_id = $3 WHERE person_id = ANY($1)', [duplicateIds, survivor.id, survivor.entity_id]),
    interactions: await run('UPDATE interactions SET person_id = $2 WHERE person_id = ANY($1)', [duplicateIds, survivor.id]),
  };
}

/** The survivor keeps its own fields; its retention clock takes the latest sign of life of all. */
export async function updateSurvivor(tx: Tx, survivorId: string, duplicateIds: readonly string[]): Promise<void> {
  await tx.client.query(
    `UPDATE persons SET last_interaction_at = greatest(last_interaction_at, (SELECT max(last_interaction_at) FROM persons WHERE id = ANY($2))),
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [survivorId, duplicateIds],
  );
}

export async function deletePersons(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.client.query('DELETE FROM persons WHERE id = ANY($1)', [ids]);
}
