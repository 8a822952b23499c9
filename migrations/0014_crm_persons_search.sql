-- Typo-tolerant, accent-insensitive search on a person's full name (trigram word similarity on the
-- folded "last first"); same expression as persons-filters.ts. Drizzle cannot declare an operator
-- class on an expression index.
CREATE INDEX "persons_full_name_trgm_idx" ON "persons" USING gin (immutable_unaccent(lower(last_name || ' ' || coalesce(first_name, ''))) gin_trgm_ops);
--> statement-breakpoint
-- Retention sweep: the job looks for persons not yet anonymised by their last sign of life.
CREATE INDEX "persons_retention_idx" ON "persons" USING btree (coalesce(last_interaction_at, created_at)) WHERE anonymized_at IS NULL;
