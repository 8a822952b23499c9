-- Retrieval at scale, second step (issue 7, ADR 0019): the full-text candidates ranked in one pass.
-- With ai_chunk_ids_matching (0046) a search read each matching chunk twice: once in the GIN bitmap
-- scan inside the function, then again by primary key under RLS to rank it (a per-row policy check,
-- ~4,500 lookups for a national scope on 34,000 chunks). Here the bitmap scan filters by the caller's
-- visibility and ranks in place, and only the best `depth` (id, score) pairs leave the function.
-- SECURITY DEFINER for the same reason as 0046 (under RLS the planner cannot use the GIN index for
-- @@). The visibility predicate is the one the search applies on top of RLS, evaluated inside with
-- the caller's own transaction settings (app.scope_roots): staff-only chunks of the scope's subtrees,
-- public and members' chunks network-wide. No scope is passed in, and the caller still joins the ids
-- back to ai_chunks under its RLS, so nothing it may not read ever reaches it. The optional filters
-- (sites, collections, source types; NULL = any) read the chunk's source only when given.
CREATE FUNCTION ai_chunk_candidates(selecting tsquery, ranking tsquery, depth integer, site_ids uuid[], collection_ids uuid[], source_types text[])
RETURNS TABLE (id uuid, score real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public ROWS 40 AS $$
  SELECT c.id, ts_rank(c.search, ranking, 1) AS score
    FROM ai_chunks c
   WHERE c.search @@ selecting
     AND (c.visibility IN ('public', 'members') OR c.entity_id IN (SELECT app_scope_entity_ids()))
     AND ((site_ids IS NULL AND collection_ids IS NULL AND source_types IS NULL)
          OR EXISTS (SELECT 1 FROM ai_sources s
                      WHERE s.id = c.source_row_id
                        AND (site_ids IS NULL OR s.site_id = ANY (site_ids))
                        AND (collection_ids IS NULL OR s.collection_id = ANY (collection_ids))
                        AND (source_types IS NULL OR s.source_type = ANY (source_types))))
   ORDER BY score DESC, c.id
   LIMIT depth
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ai_chunk_candidates(tsquery, tsquery, integer, uuid[], uuid[], text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ai_chunk_candidates(tsquery, tsquery, integer, uuid[], uuid[], text[]) TO maillage_app;
--> statement-breakpoint
-- Every search scanned the full-text index's whole pending list (GIN "fast update": new entries wait
-- there, unsorted, until VACUUM or until they pass gin_pending_list_limit, 4 MB): after indexing a
-- corpus that is up to 4 MB read and tested per search, and until autovacuum passes by. Entries now go
-- straight into the index (slower indexing, still far above its target); the current list is merged.
ALTER INDEX ai_chunks_search_idx SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('ai_chunks_search_idx'::regclass);
--> statement-breakpoint
-- Rows over ~2 kB had their search vector moved out of line (the toaster moves the widest column that
-- does not compress, and a tsvector barely compresses): ranking a candidate then cost a TOAST fetch
-- (18 % of the bench's chunks). MAIN keeps it in the row and moves the chunk's text out instead, which
-- only the 40 rows returned read. Applies to chunks written from now on (re-indexing rewrites them).
ALTER TABLE ai_chunks ALTER COLUMN search SET STORAGE MAIN;
