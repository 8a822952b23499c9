import type { Tx } from '../../../platform/db/index.js';
import type { OperandEstimate } from './candidate-filter.js';
import type { KnowledgeSourceType, RetrievalFilters, SourceVisibility } from './retrieved-chunk.js';

/** One chunk as ranked by the full-text arm. */
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
  fts_rank: string;
}

/** One chunk as ranked by the vector arm. */
export interface NearestRow extends Omit<RankedRow, 'fts_rank'> {
  vector_rank: string;
  similarity: number;
}

export interface VectorQuery {
  /** Unit vector of the question. */
  vector: readonly number[];
  model: string;
  filters: RetrievalFilters;
  depth: number;
}

export interface LexicalQuery {
  websearch: string;
  /** The OR of the operands that select the full-text candidates (`websearch` when all do). */
  selecting: string;
  filters: RetrievalFilters;
  /** Candidates kept by each arm before fusion. */
  depth: number;
}

/**
 * Estimated number of chunks holding each operand, from PostgreSQL's statistics (migration 0046),
 * and the number of chunks they were estimated over (the table's, as last analysed).
 */
export async function estimateOperands(tx: Tx, operands: readonly string[]): Promise<OperandEstimate[]> {
  const { rows } = await tx.client.query<{ operand: string; chunks: number; corpus_chunks: number }>(
    `SELECT e.operand, e.chunks, greatest(t.reltuples, 0) AS corpus_chunks
       FROM ai_chunk_term_estimates($1::text[]) e, pg_catalog.pg_class t
      WHERE t.oid = 'public.ai_chunks'::regclass`,
    [operands],
  );
  return rows.map((row) => ({ operand: row.operand, chunks: Number(row.chunks), corpusChunks: Number(row.corpus_chunks) }));
}

const fold = (text: string) => `public.unaccent('public.unaccent'::regdictionary, ${text})`;
const candidates = (operands: string) =>
  `ai_chunk_candidates(websearch_to_tsquery('french', ${fold(operands)}), websearch_to_tsquery('french', ${fold('$1')}), $5::integer, $2::uuid[], $3::uuid[], $4::text[])`;
const RANK_CHUNKS = `WITH selected AS (SELECT id, score FROM ${candidates('$6')}),
     -- Too few chunks hold a selecting operand: every operand selects (runs only then).
     widened AS (
       SELECT id, score FROM ${candidates('$1')}
       WHERE $6 <> $1 AND (SELECT count(*) FROM selected) < $5
     ),
     fts AS (
       SELECT id, row_number() OVER (ORDER BY score DESC, id) AS rank
       FROM (SELECT id, score FROM widened UNION ALL SELECT id, score FROM selected WHERE NOT EXISTS (SELECT 1 FROM widened)) candidates
     )
     SELECT c.id AS chunk_id, s.source_type, s.source_id, s.collection_id, c.entity_id, s.title, s.url, c.version, c.heading, c.text,
            c.start_offset, c.end_offset, c.visibility, f.rank AS fts_rank
     FROM fts f JOIN ai_chunks c ON c.id = f.id JOIN ai_sources s ON s.id = c.source_row_id`;

/**
 * The full-text arm in one statement (one round trip): ts_rank of every operand over the
 * heading-weighted vector, length-normalised, over the chunks holding a selecting operand — all of
 * them when fewer than `depth` do. The candidates are found and ranked in one pass over the GIN index
 * by `ai_chunk_candidates` (migration 0051: under RLS PostgreSQL would test every chunk), which
 * applies the visibility rule — staff-only chunks only inside the scope's subtrees, public and
 * members' chunks network-wide — and returns the best `depth` ids and scores; only those rows are
 * read, under RLS. The trigram arm re-ranks these rows in the caller (`trigram-similarity.ts`).
 *
 * A named statement, parsed and planned once per connection. Accents are folded by `unaccent` with
 * its dictionary named, as `immutable_unaccent` does: that wrapper (declared immutable for the index
 * expressions) cannot be inlined, so each call would run as a nested SQL function. The cost is
 * measured in docs/perf.md (AI Hub at scale).
 */
export async function rankChunks(tx: Tx, query: LexicalQuery): Promise<RankedRow[]> {
  const { filters } = query;
  const siteIds = nonEmpty(filters.siteIds);
  const collectionIds = nonEmpty(filters.collectionIds);
  const sourceTypes = nonEmpty(filters.sourceTypes);
  const { rows } = await tx.client.query<RankedRow>({
    name: 'ai_rank_chunks_fts',
    text: RANK_CHUNKS,
    values: [query.websearch, siteIds, collectionIds, sourceTypes, query.depth, query.selecting],
  });
  return rows;
}

/**
 * The vector arm (ADR 0025): the `depth` chunks closest to the question (cosine of unit vectors, the
 * portable `ai_vector_dot` of migration 0052) among those embedded with the same model at their
 * current version. Chunks are read through `ai_chunks_in_scope`, the view holding the visibility
 * predicate the lexical candidates use too, under the caller's RLS: nothing outside the asker's scope
 * is ever compared. Chunks sharing no direction with the question (similarity ≤ 0) are left out.
 */
export async function nearestChunks(tx: Tx, query: VectorQuery): Promise<NearestRow[]> {
  const { filters } = query;
  const { rows } = await tx.client.query<NearestRow>(
    `WITH nearest AS (
       SELECT c.id, c.source_row_id, c.entity_id, c.version, c.heading, c.text, c.start_offset, c.end_offset, c.visibility,
              ai_vector_dot(e.vector, $1::real[]) AS similarity
         FROM ai_chunk_embeddings e
         JOIN ai_chunks_in_scope c ON c.id = e.chunk_id AND c.version = e.chunk_version
         JOIN ai_sources s ON s.id = c.source_row_id
        WHERE e.model = $2
          AND ($4::uuid[] IS NULL OR s.site_id = ANY ($4))
          AND ($5::uuid[] IS NULL OR s.collection_id = ANY ($5))
          AND ($6::text[] IS NULL OR s.source_type = ANY ($6))
        ORDER BY similarity DESC, c.id
        LIMIT $3
     )
     SELECT n.id AS chunk_id, s.source_type, s.source_id, s.collection_id, n.entity_id, s.title, s.url, n.version, n.heading, n.text,
            n.start_offset, n.end_offset, n.visibility, n.similarity, row_number() OVER (ORDER BY n.similarity DESC, n.id) AS vector_rank
       FROM nearest n JOIN ai_sources s ON s.id = n.source_row_id
      WHERE n.similarity > 0`,
    [query.vector, query.model, query.depth, nonEmpty(filters.siteIds), nonEmpty(filters.collectionIds), nonEmpty(filters.sourceTypes)],
  );
  return rows;
}

function nonEmpty<T>(values: readonly T[] | undefined): readonly T[] | null {
  return values?.length ? values : null;
}
