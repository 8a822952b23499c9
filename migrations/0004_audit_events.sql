CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"chain_position" bigint NOT NULL,
	"chain_hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"entity_id" uuid,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"changes" jsonb,
	"request_id" text,
	"ip" text,
	"chain_position" bigint,
	"chain_hash" text,
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
	CONSTRAINT "audit_events_sealed_together" CHECK (("audit_events"."chain_position" IS NULL) = ("audit_events"."chain_hash" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING btree ("occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_entity_id_idx" ON "audit_events" USING btree ("entity_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_resource_idx" ON "audit_events" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_position_idx" ON "audit_events" USING btree ("chain_position");--> statement-breakpoint
CREATE INDEX "audit_events_unsealed_idx" ON "audit_events" USING btree ("occurred_at","id") WHERE chain_position IS NULL;--> statement-breakpoint
CREATE POLICY "audit_events_read" ON "audit_events" AS PERMISSIVE FOR SELECT TO "maillage_app" USING (app_scope_is_system()
        OR (entity_id IS NULL AND EXISTS (SELECT 1 FROM entities e WHERE e.kind = 'national'
  AND e.id = ANY (string_to_array(nullif(current_setting('app.scope_roots', true), ''), ',')::uuid[])))
        OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "audit_events_append" ON "audit_events" AS PERMISSIVE FOR INSERT TO "maillage_app" WITH CHECK (app_scope_is_system() OR entity_id IS NULL OR entity_id IN (SELECT app_scope_entity_ids()));