import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { erasePersonInTx } from './person-erasure.js';

/** CNIL guidance for prospects: no sign of life for 3 years, the data goes. */
export const PROSPECT_INACTIVITY = '3 years';
const BATCH = 200;

export interface RetentionOptions {
  /** Days between the flag and the anonymisation (PERSON_RETENTION_NOTICE_DAYS). */
  noticeDays: number;
  /** The clock, for tests; defaults to now. */
  now?: Date;
}

export interface RetentionResult {
  unflagged: number;
  flagged: number;
  anonymized: number;
}

/**
 * A person is due for retention when, at `$1`:
 * - not yet erased;
 * - no sign of life for PROSPECT_INACTIVITY: the latest of its creation, `last_interaction_at`, its
 *   latest interaction and its latest consent decision;
 * - a prospect: the legal basis is neither a contract nor a legal obligation, and no current
 *   affiliation (no end date, or one to come) ties it to a company that is a member of any entity.
 */
const DUE = `p.anonymized_at IS NULL
  AND greatest(p.created_at, p.last_interaction_at,
        (SELECT max(i.occurred_at) FROM interactions i WHERE i.person_id = p.id),
        (SELECT max(c.recorded_at) FROM person_consents c WHERE c.person_id = p.id)) < $1::timestamptz - interval '${PROSPECT_INACTIVITY}'
  AND p.legal_basis NOT IN ('contract', 'legal_obligation')
  AND NOT EXISTS (
    SELECT 1 FROM affiliations a JOIN organization_links l ON l.organization_id = a.organization_id
    WHERE a.person_id = p.id AND l.status = 'member' AND (a.ends_on IS NULL OR a.ends_on >= $1::date))`;

/**
 * The retention sweep (daily job). Idempotent: each step only touches rows not yet in its target
 * state, so a rerun, or two workers, change nothing more. Order matters: first lift the flag of
 * persons who showed a sign of life since (notice served, interaction recorded), then flag the newly
 * due ones, then anonymise those flagged for longer than the notice period and still due.
 */
export async function runPersonRetention(database: Database, options: RetentionOptions): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const deadline = new Date(now.getTime() - options.noticeDays * 86_400_000);
  const { unflagged, flagged } = await withTransaction(database, { kind: 'system' }, async (tx) => {
    const lifted = await tx.client.query(`UPDATE persons p SET retention_flagged_at = NULL WHERE p.retention_flagged_at IS NOT NULL AND NOT (${DUE})`, [
      now,
    ]);
    const marked = await tx.client.query(`UPDATE persons p SET retention_flagged_at = $1 WHERE p.retention_flagged_at IS NULL AND ${DUE}`, [now]);
    return { unflagged: lifted.rowCount ?? 0, flagged: marked.rowCount ?? 0 };
  });
  let anonymized = 0;
  for (;;) {
    const done = await withTransaction(database, { kind: 'system' }, async (tx) => {
      const { rows } = await tx.client.query<{ id: string }>(
        `SELECT p.id FROM persons p WHERE p.retention_flagged_at <= $2 AND ${DUE} ORDER BY p.id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now, deadline],
      );
      for (const row of rows) await erasePersonInTx(tx, row.id, 'retention', SYSTEM_ACTOR);
      return rows.length;
    });
    anonymized += done;
    if (done < BATCH) break;
  }
  if (unflagged + flagged + anonymized > 0) {
    await withTransaction(database, { kind: 'system' }, (tx) =>
      recordAudit(tx, {
        action: 'crm.person_retention.swept',
        resourceType: 'person',
        resourceId: null,
        entityId: null,
        after: { unflagged, flagged, anonymized, noticeDays: options.noticeDays },
        actor: SYSTEM_ACTOR,
      }),
    );
  }
  return { unflagged, flagged, anonymized };
}
