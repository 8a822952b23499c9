-- Typo-tolerant search on names: trigram word similarity on the folded name (Drizzle cannot declare
-- an operator class on an expression index). Same expression as organizations-search.repository.ts.
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING gin (immutable_unaccent(lower(name)) gin_trgm_ops);
--> statement-breakpoint
-- SIREN prefix search ("8123…") as a range scan whatever the database collation.
CREATE INDEX "organizations_siren_prefix_idx" ON "organizations" USING btree (siren text_pattern_ops);
