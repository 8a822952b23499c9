import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { ContentPublished, ContentUnpublished, readPublishedContent } from '../../cms/index.js';
import { collectionRoutes } from './collections/collections.routes.js';
import { documentRoutes } from './documents/documents.routes.js';
import { registerCmsIndexing } from './indexing/cms-indexing.js';
import { IndexSources, indexSources } from './indexing/index-sources.js';
import { AI_PERMISSION_DEFINITIONS } from './permissions.js';

/**
 * Knowledge collections and documents (routes), the indexing job, and the indexing of published CMS
 * content (bus handlers). Call while the app is built, before the bus starts.
 */
export function registerKnowledge(app: FastifyInstance, context: Pick<AppContext, 'database' | 'bus'>): void {
  registerPermissions(AI_PERMISSION_DEFINITIONS);
  const { database, bus } = context;
  bus.handle(IndexSources, async ({ sourceIds }) => {
    await indexSources(database, sourceIds);
  }, { concurrency: 2 });
  // Published CMS content is indexed on publication and removed on unpublication (ADR 0019).
  registerCmsIndexing(bus, database, { ContentPublished, ContentUnpublished, readPublishedContent });
  void app.register(collectionRoutes, { database, bus });
  void app.register(documentRoutes, { database, bus });
}
