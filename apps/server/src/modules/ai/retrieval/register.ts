import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app.js';
import { registerPermissions } from '../../../platform/auth/index.js';
import { AI_PERMISSION_DEFINITIONS } from '../knowledge/permissions.js';
import { detectVectorSupport } from './embeddings-support.js';
import { searchRoutes } from './search.routes.js';

/** `POST /api/v1/ai/search`. */
export function registerRetrieval(app: FastifyInstance, context: Pick<AppContext, 'database' | 'flags'>): void {
  registerPermissions(AI_PERMISSION_DEFINITIONS);
  void app.register(searchRoutes, { database: context.database, flags: context.flags });
  app.addHook('onReady', async () => {
    const vector = await detectVectorSupport(context.database).catch(() => ({ available: false, installed: false }));
    app.log.info({ pgvectorAvailable: vector.available, pgvectorInstalled: vector.installed, embeddings: 'off' }, 'AI retrieval: lexical (full text + trigram, RRF)');
  });
}
