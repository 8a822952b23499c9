CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_user_id" uuid,
	"related_kind" text NOT NULL,
	"related_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_entity_dedupe_key_unique" UNIQUE("entity_id","dedupe_key"),
	CONSTRAINT "tasks_status" CHECK ("tasks"."status" IN ('open', 'done', 'cancelled')),
	CONSTRAINT "tasks_title_length" CHECK (length("tasks"."title") BETWEEN 1 AND 300),
	CONSTRAINT "tasks_related_kind_format" CHECK ("tasks"."related_kind" ~ '^[a-z][a-z0-9_-]{0,49}$'),
	CONSTRAINT "tasks_dedupe_key_length" CHECK (length("tasks"."dedupe_key") BETWEEN 1 AND 200)
);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_entity_id_idx" ON "tasks" USING btree ("entity_id","status","due_on");--> statement-breakpoint
CREATE INDEX "tasks_related_idx" ON "tasks" USING btree ("related_kind","related_id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("assignee_user_id") WHERE "tasks"."assignee_user_id" IS NOT NULL;--> statement-breakpoint
CREATE POLICY "tasks_tenant_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));