CREATE TABLE "ai_chunks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"source_row_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"ordinal" integer NOT NULL,
	"heading" text,
	"text" text NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"version" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', immutable_unaccent(coalesce(heading, ''))), 'B') || setweight(to_tsvector('french', immutable_unaccent(text)), 'A')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_chunks_visibility" CHECK ("ai_chunks"."visibility" IN ('public', 'members', 'staff')),
	CONSTRAINT "ai_chunks_offsets" CHECK ("ai_chunks"."start_offset" >= 0 AND "ai_chunks"."end_offset" > "ai_chunks"."start_offset")
);
--> statement-breakpoint
ALTER TABLE "ai_chunks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ai_collections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"visibility" text DEFAULT 'staff' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_collections_visibility" CHECK ("ai_collections"."visibility" IN ('public', 'members', 'staff'))
);
--> statement-breakpoint
ALTER TABLE "ai_collections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ai_sources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"collection_id" uuid,
	"site_id" uuid,
	"title" text NOT NULL,
	"url" text,
	"external_ref" text,
	"external_version" text,
	"file_name" text,
	"mime_type" text,
	"visibility" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"content_hash" text NOT NULL,
	"indexed_hash" text,
	"indexed_at" timestamp with time zone,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_sources_source_type" CHECK ("ai_sources"."source_type" IN ('document', 'cms-content')),
	CONSTRAINT "ai_sources_visibility" CHECK ("ai_sources"."visibility" IN ('public', 'members', 'staff')),
	CONSTRAINT "ai_sources_status" CHECK ("ai_sources"."status" IN ('pending', 'indexed', 'failed')),
	CONSTRAINT "ai_sources_collection_for_documents" CHECK (("ai_sources"."source_type" = 'document') = ("ai_sources"."collection_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "ai_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ai_chunks" ADD CONSTRAINT "ai_chunks_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_chunks" ADD CONSTRAINT "ai_chunks_source_row_id_ai_sources_id_fk" FOREIGN KEY ("source_row_id") REFERENCES "public"."ai_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_collections" ADD CONSTRAINT "ai_collections_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_sources" ADD CONSTRAINT "ai_sources_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_sources" ADD CONSTRAINT "ai_sources_collection_id_ai_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."ai_collections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_chunks_source_ordinal_unique" ON "ai_chunks" USING btree ("source_row_id","ordinal");--> statement-breakpoint
CREATE INDEX "ai_chunks_entity_id_idx" ON "ai_chunks" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "ai_chunks_search_idx" ON "ai_chunks" USING gin ("search");--> statement-breakpoint
CREATE INDEX "ai_chunks_text_trgm_idx" ON "ai_chunks" USING gin (immutable_unaccent(lower("text")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "ai_collections_entity_id_idx" ON "ai_collections" USING btree ("entity_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_sources_type_source_unique" ON "ai_sources" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_sources_collection_external_ref_unique" ON "ai_sources" USING btree ("collection_id","external_ref") WHERE "ai_sources"."external_ref" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "ai_sources_entity_id_idx" ON "ai_sources" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "ai_sources_collection_id_idx" ON "ai_sources" USING btree ("collection_id","created_at");--> statement-breakpoint
CREATE POLICY "ai_chunks_tenant_isolation" ON "ai_chunks" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "ai_chunks_shared_read" ON "ai_chunks" AS PERMISSIVE FOR SELECT TO "maillage_app" USING (visibility IN ('public', 'members'));--> statement-breakpoint
CREATE POLICY "ai_collections_tenant_isolation" ON "ai_collections" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "ai_sources_tenant_isolation" ON "ai_sources" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "ai_sources_shared_read" ON "ai_sources" AS PERMISSIVE FOR SELECT TO "maillage_app" USING (visibility IN ('public', 'members'));