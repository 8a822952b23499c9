import type { Tx } from '../../../platform/db/index.js';
import type { SourceVisibility } from '../retrieval/retrieved-chunk.js';

export interface ChunkToEmbed {
  id: string;
  entity_id: string;
  version: string;
  title: string;
  heading: string | null;
  text: string;
}

/**
 * The chunks of these sources that have no embedding of `model` for their current version, among the
 * visibility levels the embedding provider may receive (the classification rule), by chunk id.
 */
export async function chunksToEmbed(tx: Tx, sourceIds: readonly string[], model: string, visibilities: readonly SourceVisibility[], limit: number): Promise<ChunkToEmbed[]> {
  const { rows } = await tx.client.query<ChunkToEmbed>(
    `SELECT c.id, c.entity_id, c.version, s.title, c.heading, c.text
       FROM ai_chunks c JOIN ai_sources s ON s.id = c.source_row_id
       LEFT JOIN ai_chunk_embeddings e ON e.chunk_id = c.id AND e.model = $2 AND e.chunk_version = c.version
      WHERE c.source_row_id = ANY($1::uuid[]) AND c.visibility = ANY($3::text[]) AND e.chunk_id IS NULL
      ORDER BY c.id LIMIT $4`,
    [sourceIds, model, visibilities, limit],
  );
  return rows;
}

/** Inserts or replaces the embeddings of chunks (a retried job simply writes them again). */
export async function storeEmbeddings(tx: Tx, model: string, chunks: readonly ChunkToEmbed[], vectors: readonly number[][]): Promise<void> {
  await tx.client.query(
    `INSERT INTO ai_chunk_embeddings (chunk_id, entity_id, model, chunk_version, vector)
     SELECT u.chunk_id, u.entity_id, $3, u.version, ARRAY(SELECT jsonb_array_elements_text(u.vector)::real)
       FROM unnest($1::uuid[], $2::uuid[], $4::text[], $5::jsonb[]) AS u(chunk_id, entity_id, version, vector)
       -- The chunk may have been replaced since it was read: its vector would be orphaned.
      WHERE EXISTS (SELECT 1 FROM ai_chunks c WHERE c.id = u.chunk_id AND c.version = u.version)
     ON CONFLICT (chunk_id) DO UPDATE SET model = EXCLUDED.model, chunk_version = EXCLUDED.chunk_version, vector = EXCLUDED.vector, created_at = now()`,
    [chunks.map((c) => c.id), chunks.map((c) => c.entity_id), model, chunks.map((c) => c.version), vectors.map((v) => JSON.stringify(v))],
  );
}
