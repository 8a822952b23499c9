import type { Tx } from '../../../platform/db/index.js';

/** What another module shows of a contact (an attendee list, a mail recipient), read under the caller's RLS. */
export interface PersonSummary {
  id: string;
  entityId: string;
  firstName: string | null;
  lastName: string;
  /** The primary address, else the first in alphabetical order; null when the person has none. */
  primaryEmail: string | null;
  anonymized: boolean;
}

/** Summaries of the persons the caller may read among `ids`; ids out of scope are simply absent. */
export async function findPersonSummaries(tx: Tx, ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.client.query<{
    id: string;
    entity_id: string;
    first_name: string | null;
    last_name: string;
    primary_email: string | null;
    anonymized: boolean;
  }>(
    `SELECT p.id, p.entity_id, p.first_name, p.last_name, p.anonymized_at IS NOT NULL AS anonymized,
            (SELECT e.email FROM person_emails e WHERE e.person_id = p.id ORDER BY e.is_primary DESC, e.email LIMIT 1) AS primary_email
       FROM persons p WHERE p.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, entityId: row.entity_id, firstName: row.first_name, lastName: row.last_name, primaryEmail: row.primary_email, anonymized: row.anonymized },
    ]),
  );
}
