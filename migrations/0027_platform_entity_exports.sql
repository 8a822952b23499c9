CREATE TABLE "entity_exports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"archive_path" text,
	"bytes" bigint,
	"sha256" text,
	"summary" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "entity_exports_status" CHECK ("entity_exports"."status" IN ('queued', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "entity_exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "entity_exports" ADD CONSTRAINT "entity_exports_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entity_exports_entity_id_idx" ON "entity_exports" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE POLICY "entity_exports_tenant_isolation" ON "entity_exports" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));