import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { AI_PERMISSION_DEFINITIONS } from '../knowledge/permissions.js';
import { detectVectorSupport } from './embeddings-support.js';
import type { Retriever } from './retrieve-chunks.js';
import { searchRoutes } from './search.routes.js';

/** `POST /api/v1/ai/search`. */
export function registerRetrieval(app: FastifyInstance, context: Pick<AppContext, 'database' | 'flags'>, retrieve: Retriever, embeddingModel: string | null): void {
  registerPermissions(AI_PERMISSION_DEFINITIONS);
  void app.register(searchRoutes, { database: context.database, flags: context.flags, retrieve });
  app.addHook('onReady', async () => {
    const vector = await detectVectorSupport(context.database).catch(() => ({ available: false, installed: false }));
    const mode = embeddingModel ? 'lexical (full text + trigram) and embeddings, RRF' : 'lexical (full text + trigram, RRF)';
    app.log.info({ pgvectorAvailable: vector.available, pgvectorInstalled: vector.installed, embeddings: embeddingModel ?? 'off' }, `AI retrieval: ${mode}`);
  });
}
