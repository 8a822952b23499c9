import type { AppContext } from '../../../app.js';
import type { Tx } from '../../../platform/db/index.js';
import { EmbedChunks, embedChunks, queueEmbedding } from './embed-chunks.js';
import { EmbeddingClient } from './embedding-client.js';

/**
 * Optional embeddings (ADR 0025): when AI_EMBEDDINGS_* are set, the embedding job's handler, and what
 * the rest of the AI Hub plugs in — the query embedder of retrieval and the hook that queues the job
 * after lexical indexing. Null when they are not set (retrieval stays lexical).
 */
export function registerEmbeddings(context: Pick<AppContext, 'database' | 'bus' | 'config'>): { client: EmbeddingClient; afterIndexing: (tx: Tx, sourceIds: readonly string[]) => Promise<void> } | null {
  const settings = context.config.ai.embeddings;
  if (!settings) return null;
  const client = new EmbeddingClient(settings);
  context.bus.handle(EmbedChunks, async ({ sourceIds }) => {
    await embedChunks(context.database, client, sourceIds);
  }, { concurrency: 1 });
  return { client, afterIndexing: (tx, sourceIds) => queueEmbedding(tx, context.bus, sourceIds) };
}
