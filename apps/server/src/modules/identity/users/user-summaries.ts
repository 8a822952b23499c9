import { withTransaction, type Database } from '../../../platform/db/index.js';

/** How other modules name a user: display name and e-mail, never credentials. */
export interface UserSummary {
  id: string;
  displayName: string;
  email: string;
}

/**
 * Names of the given users, for modules that list who did something (the AI journal). Read in the
 * system scope: an asker may be homed outside the reader's branch. Callers pass only ids taken from
 * rows the reader may already see, so no other user is revealed. Unknown ids are absent from the map.
 */
export async function findUserSummaries(database: Database, userIds: readonly string[]): Promise<Map<string, UserSummary>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await withTransaction(
    database,
    { kind: 'system' },
    async (tx) =>
      (await tx.client.query<UserSummary>('SELECT id, display_name AS "displayName", email FROM users WHERE id = ANY($1::uuid[])', [ids])).rows,
    { readOnly: true },
  );
  return new Map(rows.map((row) => [row.id, row]));
}
