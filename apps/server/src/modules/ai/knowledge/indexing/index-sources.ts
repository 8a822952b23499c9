import { Type } from 'typebox';
import { defineMessage } from '../../../../platform/bus/index.js';
import { newId, withTransaction, type Database, type Tx } from '../../../../platform/db/index.js';
import { chunkText, type TextChunk } from '../chunking/chunk-text.js';

/** Builds (or rebuilds) the chunks of sources; idempotent: an indexed source whose text did not change is left alone. */
export const IndexSources = defineMessage({
  name: 'ai.index-source',
  schema: Type.Object({ sourceIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100 }) }),
  retryLimit: 3,
});

/** Sources per job: a JSON Lines upload of 541 articles makes 6 jobs. */
export const SOURCES_PER_JOB = 100;

interface IndexableSource {
  id: string;
  entity_id: string;
  title: string;
  heading: string | null;
  visibility: string;
  text: string;
  status: string;
  content_hash: string;
  indexed_hash: string | null;
}

export type IndexOutcome = 'indexed' | 'unchanged' | 'missing' | 'failed';

/**
 * Indexes a batch of sources in one transaction, as the system (a job acts for the whole network):
 * one statement each to lock, delete the old chunks, insert the new ones and mark the sources.
 * A retried job simply redoes it (idempotent).
 */
export async function indexSources(database: Database, sourceIds: readonly string[]): Promise<Record<string, IndexOutcome>> {
  const outcomes: Record<string, IndexOutcome> = {};
  for (let index = 0; index < sourceIds.length; index += SOURCES_PER_JOB) {
    const batch = sourceIds.slice(index, index + SOURCES_PER_JOB);
    Object.assign(outcomes, await withTransaction(database, { kind: 'system' }, (tx) => indexSourcesIn(tx, batch)));
  }
  return outcomes;
}

export async function indexSource(tx: Tx, id: string): Promise<IndexOutcome> {
  return (await indexSourcesIn(tx, [id]))[id]!;
}

export async function indexSourcesIn(tx: Tx, ids: readonly string[]): Promise<Record<string, IndexOutcome>> {
  const outcomes: Record<string, IndexOutcome> = Object.fromEntries(ids.map((id) => [id, 'missing' as IndexOutcome]));
  const { rows } = await tx.client.query<IndexableSource>(
    `SELECT id, entity_id, title, heading, visibility, text, status, content_hash, indexed_hash FROM ai_sources WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  const rebuilt: Array<{ source: IndexableSource; chunks: TextChunk[] }> = [];
  for (const source of rows) {
    if (source.status === 'indexed' && source.indexed_hash === source.content_hash) {
      outcomes[source.id] = 'unchanged';
      continue;
    }
    try {
      rebuilt.push({ source, chunks: chunkText(source.text, { baseHeading: source.heading }) });
      outcomes[source.id] = 'indexed';
    } catch (error) {
      await tx.client.query(`UPDATE ai_sources SET status = 'failed', error = $2, updated_at = now() WHERE id = $1`, [source.id, (error as Error).message.slice(0, 500)]);
      outcomes[source.id] = 'failed';
    }
  }
  if (rebuilt.length > 0) await replaceChunks(tx, rebuilt);
  return outcomes;
}

async function replaceChunks(tx: Tx, rebuilt: Array<{ source: IndexableSource; chunks: TextChunk[] }>): Promise<void> {
  const sourceIds = rebuilt.map(({ source }) => source.id);
  await tx.client.query(`DELETE FROM ai_chunks WHERE source_row_id = ANY($1::uuid[])`, [sourceIds]);
  const rows = rebuilt.flatMap(({ source, chunks }) => chunks.map((chunk) => ({ source, chunk })));
  if (rows.length > 0) {
    await tx.client.query(
      `INSERT INTO ai_chunks (id, entity_id, source_row_id, visibility, ordinal, heading, text, start_offset, end_offset, version)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::int[], $9::int[], $10::text[])`,
      [
        rows.map(() => newId()),
        rows.map(({ source }) => source.entity_id),
        rows.map(({ source }) => source.id),
        rows.map(({ source }) => source.visibility),
        rows.map(({ chunk }) => chunk.ordinal),
        rows.map(({ chunk }) => chunk.heading),
        rows.map(({ chunk }) => chunk.text),
        rows.map(({ chunk }) => chunk.start),
        rows.map(({ chunk }) => chunk.end),
        rows.map(({ chunk }) => chunk.version),
      ],
    );
  }
  await tx.client.query(
    `UPDATE ai_sources s SET status = 'indexed', error = NULL, indexed_hash = s.content_hash, indexed_at = now(), chunk_count = c.n, updated_at = now()
     FROM unnest($1::uuid[], $2::int[]) AS c(id, n) WHERE s.id = c.id`,
    [sourceIds, rebuilt.map(({ chunks }) => chunks.length)],
  );
}
