-- Company search (organizations-search.repository.ts), measured at national scale (docs/perf.md,
-- "CRM at national scale", 2026-11-30).
--
-- 1. The lexicon's corrections are now selected with `word % $w` (similarity at least 0.3) through a
-- GIN trigram index, then ordered by distance: only the few words sharing trigrams with the input
-- are compared (~30 index pages for "webr"). The GiST index of 0018 walked ~180 pages for the 3
-- nearest neighbours, and the planner also chose it for the "is this word known?" equality test
-- (~70 pages a word) instead of the primary key (3). GIN of 0017 was slow only for
-- `ORDER BY <-> LIMIT` without a `%` filter, which the query no longer does. The lexicon changes
-- rarely (new words only): no pending list.
DROP INDEX "organization_words_trgm_idx";
--> statement-breakpoint
CREATE INDEX "organization_words_trgm_idx" ON "organization_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate = off);
--> statement-breakpoint
-- 2. Every full-text search read the whole pending list of the companies' search index (GIN "fast
-- update": new entries wait there, unsorted, until VACUUM or until they pass gin_pending_list_limit,
-- 4 MB by default): after the demo seed, ~240 pages read and tested per search whatever the words,
-- until autovacuum passes by. Capped at 256 kB (at most 32 pages): bulk writes (seed, import) keep
-- merging their entries in batches (fastupdate off made 250,000 inserts 3 to 4 times slower there,
-- 256 kB about 1.6 times), and the current list is merged now.
ALTER INDEX "organizations_search_idx" SET (gin_pending_list_limit = 256);
--> statement-breakpoint
SELECT gin_clean_pending_list('organizations_search_idx'::regclass);
