-- The lexicon trigger (0017) splits the names of every company a statement writes into words. Its
-- word function was STRICT and deduplicated each name's words itself: PostgreSQL inlines a SQL
-- set-returning function into the calling query only when it is not STRICT, so each row ran the
-- function through the executor (its query set up again per call). That was about a sixth of an
-- import's company insert: 500 rows cost 8–9 ms of splitting instead of 3.5 (docs/perf.md,
-- 2026-12-02 import). Called on a null input, the split yields no word, as STRICT did; the trigger
-- already keeps each word once.
CREATE OR REPLACE FUNCTION organization_name_words(text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE CALLED ON NULL INPUT
AS $$ SELECT word FROM regexp_split_to_table(immutable_unaccent(lower($1)), '[^a-z0-9]+') AS word WHERE length(word) >= 3 $$;
