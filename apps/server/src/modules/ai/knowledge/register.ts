import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { withTransaction, type Tx } from '../../../platform/db/index.js';
import { ContentPublished, ContentUnpublished, readPublishedContent } from '../../cms/index.js';
import { collectionRoutes } from './collections/collections.routes.js';
import { documentRoutes } from './documents/documents.routes.js';
import { registerCmsIndexing } from './indexing/cms-indexing.js';
import { IndexSources, indexSources } from './indexing/index-sources.js';
import { AI_PERMISSION_DEFINITIONS } from './permissions.js';

/**
 * Runs once these sources are indexed (the embeddings queue their job there): in a system transaction
 * after an `ai.index-source` job (failing it retries the idempotent job), inside a CMS sync's own.
 */
export type AfterIndexing = (tx: Tx, sourceIds: readonly string[]) => Promise<void>;

/**
 * Knowledge collections and documents (routes), the indexing job, and the indexing of published CMS
 * content (bus handlers). Call while the app is built, before the bus starts.
 */
export function registerKnowledge(app: FastifyInstance, context: Pick<AppContext, 'database' | 'bus'>, afterIndexing?: AfterIndexing): void {
  registerPermissions(AI_PERMISSION_DEFINITIONS);
  const { database, bus } = context;
  bus.handle(IndexSources, async ({ sourceIds }) => {
    await indexSources(database, sourceIds);
    if (afterIndexing) await withTransaction(database, { kind: 'system' }, (tx) => afterIndexing(tx, sourceIds));
  }, { concurrency: 2 });
  // Published CMS content is indexed on publication and removed on unpublication (ADR 0019).
  registerCmsIndexing(bus, database, { ContentPublished, ContentUnpublished, readPublishedContent }, afterIndexing);
  void app.register(collectionRoutes, { database, bus });
  void app.register(documentRoutes, { database, bus });
}
