import type { Tx } from '../../../platform/db/index.js';
import type { OperandEstimate } from './candidate-filter.js';
import type { KnowledgeSourceType, RetrievalFilters, SourceVisibility } from './retrieved-chunk.js';

/** One chunk as ranked by one arm of the search. */
export interface RankedRow {
  chunk_id: string;
  source_type: KnowledgeSourceType;
  source_id: string;
  collection_id: string | null;
  entity_id: string;
  title: string;
  url: string | null;
  version: string;
  heading: string | null;
  text: string;
  start_offset: number;
  end_offset: number;
  visibility: SourceVisibility;
  fts_rank: string | null;
  trgm_rank: string | null;
}

export interface LexicalQuery {
  websearch: string;
  /** The OR of the operands that select the full-text candidates (`websearch` when all do). */
  selecting: string;
  trigramText: string;
  filters: RetrievalFilters;
  /** Candidates kept by each arm before fusion. */
  depth: number;
}

/** Estimated number of chunks holding each operand, from PostgreSQL's statistics (migration 0046). */
export async function estimateOperands(tx: Tx, operands: readonly string[]): Promise<OperandEstimate[]> {
  const { rows } = await tx.client.query<{ operand: string; chunks: number }>('SELECT operand, chunks FROM ai_chunk_term_estimates($1::text[])', [operands]);
  return rows.map((row) => ({ operand: row.operand, chunks: Number(row.chunks) }));
}

/**
 * Both lexical arms in one statement (one round trip): French full text (ts_rank of every operand over
 * the heading-weighted vector, length-normalised) over the chunks holding a selecting operand — all of
 * them when fewer than `depth` do — and trigram strict word similarity of the question's content words
 * and their lexicon expansions, which re-ranks the full-text candidates; the fusion happens in the
 * caller. The candidates are found and ranked in one pass over the GIN index by `ai_chunk_candidates`
 * (migration 0051: under RLS PostgreSQL would test every chunk), which applies the visibility rule —
 * staff-only chunks only inside the scope's subtrees, public and members' chunks network-wide — and
 * returns the best `depth` ids and scores; only those rows are read, under RLS.
 */
export async function rankChunks(tx: Tx, query: LexicalQuery): Promise<RankedRow[]> {
  const { filters } = query;
  const siteIds = filters.siteIds?.length ? filters.siteIds : null;
  const collectionIds = filters.collectionIds?.length ? filters.collectionIds : null;
  const sourceTypes = filters.sourceTypes?.length ? filters.sourceTypes : null;
  const candidates = (operands: string) =>
    `ai_chunk_candidates(websearch_to_tsquery('french', immutable_unaccent(${operands})), websearch_to_tsquery('french', immutable_unaccent($1)), $6::integer, $3::uuid[], $4::uuid[], $5::text[])`;
  const { rows } = await tx.client.query<RankedRow>(
    `WITH selected AS (SELECT id, score FROM ${candidates('$7')}),
     -- Too few chunks hold a selecting operand: every operand selects (runs only then).
     widened AS (
       SELECT id, score FROM ${candidates('$1')}
       WHERE $7 <> $1 AND (SELECT count(*) FROM selected) < $6
     ),
     fts AS (
       SELECT id, row_number() OVER (ORDER BY score DESC, id) AS rank
       FROM (SELECT id, score FROM widened UNION ALL SELECT id, score FROM selected WHERE NOT EXISTS (SELECT 1 FROM widened)) candidates
     ),
     ranked AS (
       SELECT c.id, c.source_row_id, c.entity_id, c.version, c.heading, c.text, c.start_offset, c.end_offset, c.visibility, f.rank AS fts_rank,
              row_number() OVER (ORDER BY strict_word_similarity($2, immutable_unaccent(lower(c.text))) DESC, c.id) AS trgm_rank
       FROM fts f JOIN ai_chunks c ON c.id = f.id
     )
     SELECT r.id AS chunk_id, s.source_type, s.source_id, s.collection_id, r.entity_id, s.title, s.url, r.version, r.heading, r.text,
            r.start_offset, r.end_offset, r.visibility, r.fts_rank, r.trgm_rank
     FROM ranked r JOIN ai_sources s ON s.id = r.source_row_id`,
    [query.websearch, query.trigramText, siteIds, collectionIds, sourceTypes, query.depth, query.selecting],
  );
  return rows;
}
