import type { Tx } from '../../../platform/db/index.js';
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
  trigramText: string;
  filters: RetrievalFilters;
  /** Candidates kept by each arm before fusion. */
  depth: number;
}

/**
 * Both lexical arms in one statement (one round trip): French full text (ts_rank over the
 * heading-weighted vector, length-normalised) and trigram strict word similarity of the question's
 * content words and their lexicon expansions, each
 * ranked (the trigram arm re-ranks the full-text candidates); the fusion happens in the caller. Visibility is filtered here on top of RLS: staff-only
 * chunks only inside the scope's subtrees, public and members' chunks network-wide.
 */
export async function rankChunks(tx: Tx, query: LexicalQuery): Promise<RankedRow[]> {
  const { filters } = query;
  const siteIds = filters.siteIds?.length ? filters.siteIds : null;
  const collectionIds = filters.collectionIds?.length ? filters.collectionIds : null;
  const sourceTypes = filters.sourceTypes?.length ? filters.sourceTypes : null;
  // The join to the sources is only needed to filter; without filters the scan reads the chunks alone.
  const filtered = siteIds !== null || collectionIds !== null || sourceTypes !== null;
  const eligible = filtered
    ? `SELECT c.id, c.search, c.text FROM ai_chunks c JOIN ai_sources s ON s.id = c.source_row_id
       WHERE (c.visibility IN ('public', 'members') OR c.entity_id IN (SELECT app_scope_entity_ids()))
         AND ($3::uuid[] IS NULL OR s.site_id = ANY($3::uuid[]))
         AND ($4::uuid[] IS NULL OR s.collection_id = ANY($4::uuid[]))
         AND ($5::text[] IS NULL OR s.source_type = ANY($5::text[]))`
    : `SELECT c.id, c.search, c.text FROM ai_chunks c
       WHERE (c.visibility IN ('public', 'members') OR c.entity_id IN (SELECT app_scope_entity_ids()))
         AND $3::uuid[] IS NULL AND $4::uuid[] IS NULL AND $5::text[] IS NULL`;
  const { rows } = await tx.client.query<RankedRow>(
    `WITH eligible AS (${eligible}),
     fts AS (
       SELECT e.id, e.text, row_number() OVER (ORDER BY ts_rank(e.search, websearch_to_tsquery('french', immutable_unaccent($1)), 1) DESC, e.id) AS rank
       FROM eligible e WHERE e.search @@ websearch_to_tsquery('french', immutable_unaccent($1))
       ORDER BY rank LIMIT $6
     ),
     trgm AS (
       SELECT f.id, row_number() OVER (ORDER BY strict_word_similarity($2, immutable_unaccent(lower(f.text))) DESC, f.id) AS rank
       FROM fts f
     ),
     fused AS (
       SELECT coalesce(f.id, t.id) AS id, f.rank AS fts_rank, t.rank AS trgm_rank
       FROM fts f FULL JOIN trgm t ON t.id = f.id
     )
     SELECT c.id AS chunk_id, s.source_type, s.source_id, s.collection_id, c.entity_id, s.title, s.url, c.version, c.heading, c.text,
            c.start_offset, c.end_offset, c.visibility, fused.fts_rank, fused.trgm_rank
     FROM fused JOIN ai_chunks c ON c.id = fused.id JOIN ai_sources s ON s.id = c.source_row_id`,
    [query.websearch, query.trigramText, siteIds, collectionIds, sourceTypes, query.depth],
  );
  return rows;
}
