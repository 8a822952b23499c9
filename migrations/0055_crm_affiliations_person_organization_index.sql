-- The import's "already affiliated?" anti-join (import-batch-writer.ts, writeAffiliations) tests
-- person, company and entity. With one index per column, the planner combined the entity's index
-- (every contact of the importing union) with another: each of a batch's 500 rows read the whole
-- union's entries, up to 1–2 s per batch by the end of a 250,000-row import (docs/perf.md). One
-- index on the three answers it in one probe, and its prefix serves the lookups by person alone
-- that the former index on person_id served.
CREATE INDEX "affiliations_person_organization_idx" ON "affiliations" USING btree ("person_id","organization_id","entity_id");--> statement-breakpoint
DROP INDEX "affiliations_person_id_idx";
