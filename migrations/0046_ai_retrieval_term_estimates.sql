-- Retrieval at scale (issue 7, ADR 0019).
-- 1. The ids of the chunks matching a full-text query, through the GIN index. Under RLS PostgreSQL
-- cannot use that index (the @@ operator is not leakproof, so it may not run before the policies):
-- every search read and tested all chunks. The caller joins these ids back to ai_chunks under its
-- own RLS and visibility predicate, so the set never reaches anyone unfiltered.
CREATE FUNCTION ai_chunk_ids_matching(query tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 1000 AS $$
  SELECT id FROM ai_chunks WHERE search @@ query
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ai_chunk_ids_matching(tsquery) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ai_chunk_ids_matching(tsquery) TO maillage_app;
--> statement-breakpoint
-- 2. How many chunks hold each search operand, estimated from
-- the planner's statistics of ai_chunks.search (most common lexemes, kept up to date by ANALYZE), so
-- that very common words rank the candidates without selecting them. A lexeme absent from the
-- statistics counts as rare (0); without statistics (a fresh or tiny table) every operand is rare.
-- SECURITY DEFINER: pg_stats hides tables under RLS from the application role; the function only
-- returns network-wide counts of the caller's own words, never a row.
CREATE FUNCTION ai_chunk_term_estimates(operands text[]) RETURNS TABLE (operand text, chunks real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH stats AS (
    SELECT s.most_common_elems::text::text[] AS lexemes, s.most_common_elem_freqs AS freqs
      FROM pg_catalog.pg_stats s
     WHERE s.schemaname = 'public' AND s.tablename = 'ai_chunks' AND s.attname = 'search'
  ),
  common AS (
    SELECT c.lexeme, c.freq * greatest((SELECT reltuples FROM pg_catalog.pg_class WHERE oid = 'public.ai_chunks'::regclass), 0) AS chunks
      FROM stats, unnest(stats.lexemes, stats.freqs[1:array_length(stats.lexemes, 1)]) AS c(lexeme, freq)
  )
  -- A phrase is at most as common as its rarest word.
  SELECT o.operand,
         coalesce((SELECT min(coalesce(common.chunks, 0))
                     FROM unnest(tsvector_to_array(to_tsvector('french', immutable_unaccent(o.operand)))) AS l(lexeme)
                     LEFT JOIN common ON common.lexeme = l.lexeme), 0)::real
    FROM unnest(operands) AS o(operand)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ai_chunk_term_estimates(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ai_chunk_term_estimates(text[]) TO maillage_app;
