import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { expandQuery } from './query-expansion.js';
import { selectingOperands } from './candidate-filter.js';
import { cachedOperandEstimates } from './operand-estimates.js';
import { rankChunks, type RankedRow } from './retrieval.repository.js';
import type { RetrievalRequest, RetrievedChunk } from './retrieved-chunk.js';

/** Reciprocal rank fusion constant (Cormack et al. 2009). */
export const RRF_K = 60;
export const DEFAULT_LIMIT = 8;
export const MAX_LIMIT = 50;
/** Candidates each arm ranks before fusion. */
const DEPTH = 40;

/**
 * Ranks the chunks the scope may read for a question: French full text and trigram similarity,
 * fused by reciprocal rank fusion; very common words rank but do not select candidates
 * (`candidate-filter.ts`; estimates cached per process, `operand-estimates.ts`). Runs under RLS with
 * the caller's scope (staff-only chunks of other subtrees are never even candidates). Scores: the fused RRF score, higher is better.
 */
export async function retrieveChunks(database: Database, scope: DbScope, request: RetrievalRequest): Promise<RetrievedChunk[]> {
  const limit = Math.min(Math.max(request.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const expanded = expandQuery(request.question);
  if (expanded.websearch === '') return [];
  const rows = await withTransaction(
    database,
    scope,
    async (tx) => {
      const selecting = selectingOperands(await cachedOperandEstimates(database, tx, expanded.operands));
      const query = { websearch: expanded.websearch, trigramText: expanded.trigramText, filters: request.filters ?? {}, depth: DEPTH };
      return rankChunks(tx, { ...query, selecting: selecting?.join(' or ') ?? expanded.websearch });
    },
    { readOnly: true },
  );
  return fuse(rows).slice(0, limit);
}

export function fuse(rows: RankedRow[]): RetrievedChunk[] {
  const scored = rows.map((row) => ({ row, score: rrf(row.fts_rank) + rrf(row.trgm_rank) }));
  scored.sort((a, b) => b.score - a.score || (a.row.chunk_id < b.row.chunk_id ? -1 : 1));
  return scored.map(({ row, score }) => ({
    chunkId: row.chunk_id,
    sourceType: row.source_type,
    sourceId: row.source_id,
    collectionId: row.collection_id,
    entityId: row.entity_id,
    title: row.title,
    url: row.url,
    version: row.version,
    heading: row.heading,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    visibility: row.visibility,
    score: Math.round(score * 1e6) / 1e6,
  }));
}

function rrf(rank: string | null): number {
  return rank === null ? 0 : 1 / (RRF_K + Number(rank));
}
