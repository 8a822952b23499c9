-- Typo-tolerant search (organizations-search.repository.ts) corrects each word of the query against
-- the words that actually occur in company and commune names, then runs the French full-text search
-- with the corrections. Trigram similarity over 250,000 whole names was the slow part of the search
-- (every "Boulangerie …" is similar to "boulengerie": ~10,000 rows ranked per query); over a lexicon
-- of a few thousand distinct words it is instant. Words are folded like the search input (accents,
-- case) and kept when 3 characters or longer: shorter ones are matched exactly, never corrected.
CREATE FUNCTION organization_name_words(text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT DISTINCT word FROM regexp_split_to_table(immutable_unaccent(lower($1)), '[^a-z0-9]+') AS word WHERE length(word) >= 3 $$;
--> statement-breakpoint
-- Append-only: a word no company uses any more only costs a correction that finds nothing.
CREATE TABLE "organization_words" ("word" text PRIMARY KEY);
--> statement-breakpoint
CREATE INDEX "organization_words_trgm_idx" ON "organization_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- Statement-level with a transition table: a bulk insert (import, demo seed) adds its words in one
-- statement. Sorted, so that concurrent writers take the key locks in the same order (no deadlock).
CREATE FUNCTION organization_words_collect() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO organization_words (word)
  SELECT DISTINCT word FROM new_rows, LATERAL organization_name_words(new_rows.name || ' ' || coalesce(new_rows.commune_name, '')) AS word
  ORDER BY word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "organizations_words_after_insert" AFTER INSERT ON "organizations"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_words_collect();
--> statement-breakpoint
CREATE TRIGGER "organizations_words_after_update" AFTER UPDATE ON "organizations"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_words_collect();
--> statement-breakpoint
INSERT INTO organization_words (word)
SELECT DISTINCT word FROM organizations, LATERAL organization_name_words(organizations.name || ' ' || coalesce(organizations.commune_name, '')) AS word
ORDER BY word
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The application role reads the lexicon and adds to it through the trigger (default privileges, 0000).
REVOKE UPDATE, DELETE ON "organization_words" FROM maillage_app;
