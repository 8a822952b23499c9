import { newId, withOwnerClient, withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { findUserSummaries } from '../../identity/index.js';
import { findInteractionOwner, findInteractionPage, insertFeedback, PURGE_INTERACTIONS_SQL } from './interactions.repository.js';
import type { CreateFeedback, Feedback, Interaction } from './interactions.schema.js';

/** A page of the journal, each interaction with its asker's name and e-mail (identity module). */
export async function listInteractions(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Interaction>> {
  const page = await withTransaction(database, scope, (tx) => findInteractionPage(tx, query), { readOnly: true });
  const users = await findUserSummaries(database, page.items.map((item) => item.userId));
  // Object.assign, not a spread with added fields: about 20 times cheaper per object on Node 20 (docs/perf.md).
  return { ...page, items: page.items.map((item) => Object.assign({}, item, { user: users.get(item.userId) ?? null })) };
}

/** Only the asker gives feedback; anyone else (or another branch) gets a 404. */
export async function giveFeedback(database: Database, scope: DbScope, userId: string, interactionId: string, input: CreateFeedback): Promise<Feedback> {
  return withTransaction(database, scope, async (tx) => {
    const owner = await findInteractionOwner(tx, interactionId);
    if (!owner || owner.userId !== userId) throw new NotFoundError('Interaction');
    return insertFeedback(tx, { id: newId(), entityId: owner.entityId, interactionId, userId, rating: input.rating, comment: input.comment?.trim() || null });
  });
}

/** Retention purge (daily job): the journal is append-only for the app role, so it runs as the owner. */
export async function purgeInteractions(database: Database, retentionDays: number): Promise<number> {
  return withOwnerClient(database, async (client) => (await client.query(PURGE_INTERACTIONS_SQL, [retentionDays])).rowCount ?? 0);
}
