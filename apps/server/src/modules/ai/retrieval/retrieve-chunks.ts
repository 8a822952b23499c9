import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { expandQuery, foldText } from './query-expansion.js';
import { selectingOperands } from './candidate-filter.js';
import { cachedOperandEstimates } from './operand-estimates.js';
import { nearestChunks, rankChunks, type NearestRow, type RankedRow } from './retrieval.repository.js';
import type { QueryEmbedder, Retrieval, RetrievalRequest, RetrievalTrace, RetrievedChunk } from './retrieved-chunk.js';
import { trigramSimilarities } from './trigram-similarity.js';

/** Reciprocal rank fusion constant (Cormack et al. 2009). */
export const RRF_K = 60;
export const DEFAULT_LIMIT = 8;
export const MAX_LIMIT = 50;
/** Candidates each arm ranks before fusion. */
const DEPTH = 40;

/** The retrieval step as the answers, the search and MCP call it: this server's embedder is bound in. */
export type Retriever = (database: Database, scope: DbScope, request: RetrievalRequest) => Promise<Retrieval>;

export function retrieverWith(embedder: QueryEmbedder | null): Retriever {
  return (database, scope, request) => retrieve(database, scope, request, embedder);
}

/**
 * Ranks the chunks the scope may read for a question: French full text and trigram similarity,
 * fused by reciprocal rank fusion; very common words rank but do not select candidates
 * (`candidate-filter.ts`; estimates cached per process, `operand-estimates.ts`). With an embedder
 * (ADR 0025) the question is embedded first (short timeout; on failure the search is lexical only and
 * the trace says why) and the nearest chunks are fused with the lexical ranking. Runs under RLS with
 * the caller's scope (staff-only chunks of other subtrees are never even candidates, in either arm).
 */
export async function retrieve(database: Database, scope: DbScope, request: RetrievalRequest, embedder: QueryEmbedder | null = null): Promise<Retrieval> {
  const limit = Math.min(Math.max(request.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const expanded = expandQuery(request.question);
  // A question without a content word retrieves nothing, with or without embeddings (ADR 0019).
  if (expanded.websearch === '') return { chunks: [], trace: { embeddings: 'off' } };
  const { vector, trace } = await embedQuestion(embedder, request.question);
  const filters = request.filters ?? {};
  const { lexical, nearest } = await withTransaction(
    database,
    scope,
    async (tx) => {
      const selecting = selectingOperands(await cachedOperandEstimates(database, tx, expanded.operands));
      const query = { websearch: expanded.websearch, filters, depth: DEPTH };
      const lexical = await rankChunks(tx, { ...query, selecting: selecting?.join(' or ') ?? expanded.websearch });
      const nearest = vector && embedder ? await nearestChunks(tx, { vector, model: embedder.model, filters, depth: DEPTH }) : null;
      return { lexical, nearest };
    },
    { readOnly: true },
  );
  return { chunks: fuse(rankByTrigrams(lexical, expanded.trigramText), nearest).slice(0, limit), trace };
}

/** A full-text candidate and its rank among the candidates by trigram similarity to the question. */
export type LexicalRow = RankedRow & { trgm_rank: number };

/**
 * The trigram arm: pg_trgm's strict word similarity of the question's content words and expansions
 * to each candidate's accent-folded text, computed here (`trigram-similarity.ts`), ties by chunk id.
 */
function rankByTrigrams(rows: readonly RankedRow[], trigramText: string): LexicalRow[] {
  const similarities = trigramSimilarities(trigramText, rows.map((row) => foldText(row.text)));
  const scored = rows.map((row, index) => ({ row, similarity: similarities[index]! }));
  scored.sort((a, b) => b.similarity - a.similarity || (a.row.chunk_id < b.row.chunk_id ? -1 : 1));
  return scored.map(({ row }, index) => ({ ...row, trgm_rank: index + 1 }));
}

/** Lexical retrieval alone (the evaluation, tests): the chunks of `retrieve` without an embedder. */
export async function retrieveChunks(database: Database, scope: DbScope, request: RetrievalRequest): Promise<RetrievedChunk[]> {
  return (await retrieve(database, scope, request)).chunks;
}

async function embedQuestion(embedder: QueryEmbedder | null, question: string): Promise<{ vector: number[] | null; trace: RetrievalTrace }> {
  if (!embedder) return { vector: null, trace: { embeddings: 'off' } };
  try {
    return { vector: await embedder.embedQuestion(question), trace: { embeddings: 'used', model: embedder.model } };
  } catch (error) {
    return { vector: null, trace: { embeddings: 'failed', model: embedder.model, error: (error instanceof Error ? error.message : String(error)).slice(0, 300) } };
  }
}

/**
 * Scores. Lexical only: rrf(full-text rank) + rrf(trigram rank), at most 2/61. With the vector arm
 * (`nearest` not null): the lexical ranking (ordered by that score) and the vector ranking are fused
 * in turn, rrf(lexical rank) + rrf(vector rank), also at most 2/61; a chunk found by one arm only
 * scores at most 1/61. Higher is better; scores compare within one response only.
 */
export function fuse(rows: readonly LexicalRow[], nearest: NearestRow[] | null = null): RetrievedChunk[] {
  const lexical = rows.map((row) => ({ row, score: rrf(row.fts_rank) + rrf(row.trgm_rank) }));
  lexical.sort((a, b) => b.score - a.score || (a.row.chunk_id < b.row.chunk_id ? -1 : 1));
  let scored: Array<{ row: Omit<LexicalRow, 'fts_rank' | 'trgm_rank'>; score: number }> = lexical;
  if (nearest !== null) {
    const fused = new Map<string, { row: Omit<LexicalRow, 'fts_rank' | 'trgm_rank'>; score: number }>();
    lexical.forEach(({ row }, index) => fused.set(row.chunk_id, { row, score: rrf(index + 1) }));
    for (const row of nearest) {
      const entry = fused.get(row.chunk_id) ?? { row, score: 0 };
      entry.score += rrf(row.vector_rank);
      fused.set(row.chunk_id, entry);
    }
    scored = [...fused.values()].sort((a, b) => b.score - a.score || (a.row.chunk_id < b.row.chunk_id ? -1 : 1));
  }
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

function rrf(rank: string | number | null): number {
  return rank === null ? 0 : 1 / (RRF_K + Number(rank));
}
