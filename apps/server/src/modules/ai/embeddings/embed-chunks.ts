import { Type } from 'typebox';
import type { MessageBus } from '../../../platform/bus/index.js';
import { defineMessage } from '../../../platform/bus/index.js';
import { withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { allowedVisibilities } from '../providers/classification.js';
import { EMBEDDING_BATCH, type EmbeddingClient } from './embedding-client.js';
import { chunksToEmbed, storeEmbeddings, type ChunkToEmbed } from './embeddings.repository.js';

/**
 * Embeds the chunks of sources after their lexical indexing (ADR 0025). Idempotent: only chunks
 * without a vector of the configured model for their current version are sent, so a retry, a
 * redelivery or a re-index of an unchanged source costs one query. A failure here (provider down)
 * leaves lexical indexing untouched; the job is retried, then dead-lettered.
 */
export const EmbedChunks = defineMessage({
  name: 'ai.embed-chunks',
  schema: Type.Object({ sourceIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 }) }),
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
});

/** Queues the embedding of these sources' chunks inside the caller's (indexing) transaction. */
export async function queueEmbedding(tx: Tx, bus: MessageBus, sourceIds: readonly string[]): Promise<void> {
  for (let index = 0; index < sourceIds.length; index += 100) await bus.send(tx, EmbedChunks, { sourceIds: sourceIds.slice(index, index + 100) });
}

/** Embeds what is missing, batch by batch (no transaction held during a provider call). Returns how many chunks were embedded. */
export async function embedChunks(database: Database, client: EmbeddingClient, sourceIds: readonly string[]): Promise<number> {
  const visibilities = [...allowedVisibilities(client)];
  let embedded = 0;
  for (;;) {
    const chunks = await withTransaction(database, { kind: 'system' }, (tx) => chunksToEmbed(tx, sourceIds, client.model, visibilities, EMBEDDING_BATCH), { readOnly: true });
    if (chunks.length === 0) return embedded;
    const vectors = await client.embed(chunks.map(textToEmbed));
    await withTransaction(database, { kind: 'system' }, (tx) => storeEmbeddings(tx, client.model, chunks, vectors));
    embedded += chunks.length;
  }
}

/** What the vector stands for: the chunk with its title and heading path (as the full text indexes them). */
function textToEmbed(chunk: ChunkToEmbed): string {
  return [chunk.title, chunk.heading, chunk.text].filter(Boolean).join('\n');
}
