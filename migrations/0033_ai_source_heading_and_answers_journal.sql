CREATE TABLE "ai_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rating" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_feedback_rating" CHECK ("ai_feedback"."rating" IN ('useful', 'wrong'))
);
--> statement-breakpoint
ALTER TABLE "ai_feedback" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ai_interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"conversation_id" uuid,
	"question" text NOT NULL,
	"filters" jsonb NOT NULL,
	"retrieved" jsonb NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" text,
	"raw_output_sha256" text,
	"status" text NOT NULL,
	"message" text,
	"answer" jsonb NOT NULL,
	"dropped" jsonb NOT NULL,
	"redactions" jsonb,
	"latency_ms" integer NOT NULL,
	"prompt_tokens" integer,
	"completion_tokens" integer,
	"error" text,
	"channel" text DEFAULT 'json' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_interactions_status" CHECK ("ai_interactions"."status" IN ('answered', 'partial', 'refused', 'error'))
);
--> statement-breakpoint
ALTER TABLE "ai_interactions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ai_provider_settings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"base_url" text,
	"model" text,
	"api_key_encrypted" text,
	"hosted_on_premises" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_provider_settings_provider" CHECK ("ai_provider_settings"."provider" IN ('extractive', 'openai-compatible')),
	CONSTRAINT "ai_provider_settings_openai_fields" CHECK ("ai_provider_settings"."provider" = 'extractive' OR ("ai_provider_settings"."base_url" IS NOT NULL AND "ai_provider_settings"."model" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "ai_provider_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ai_sources" ADD COLUMN "heading" text;--> statement-breakpoint
ALTER TABLE "ai_feedback" ADD CONSTRAINT "ai_feedback_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_feedback" ADD CONSTRAINT "ai_feedback_interaction_id_ai_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."ai_interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_interactions" ADD CONSTRAINT "ai_interactions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_provider_settings" ADD CONSTRAINT "ai_provider_settings_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_feedback_interaction_id_idx" ON "ai_feedback" USING btree ("interaction_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_feedback_entity_id_idx" ON "ai_feedback" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "ai_interactions_entity_id_idx" ON "ai_interactions" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_interactions_user_id_idx" ON "ai_interactions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_interactions_created_at_idx" ON "ai_interactions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_provider_settings_entity_unique" ON "ai_provider_settings" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "ai_feedback_tenant_isolation" ON "ai_feedback" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "ai_interactions_tenant_isolation" ON "ai_interactions" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "ai_provider_settings_tenant_isolation" ON "ai_provider_settings" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));