DROP INDEX "interactions_organization_timeline_idx";--> statement-breakpoint
DROP INDEX "interactions_person_timeline_idx";--> statement-breakpoint
CREATE INDEX "interactions_organization_timeline_idx" ON "interactions" USING btree ("organization_id","occurred_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "interactions_person_timeline_idx" ON "interactions" USING btree ("person_id","occurred_at" DESC NULLS FIRST,"id");