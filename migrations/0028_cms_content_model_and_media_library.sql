CREATE TABLE "cms_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cms_categories_site_slug_unique" UNIQUE("site_id","slug"),
	CONSTRAINT "cms_categories_slug_format" CHECK ("cms_categories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
ALTER TABLE "cms_categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cms_contents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"slug" text NOT NULL,
	"path" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"publish_at" timestamp with time zone,
	"unpublish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"last_published_at" timestamp with time zone,
	"published_revision_id" uuid,
	"current_revision_id" uuid,
	"review_requested_by" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cms_contents_site_path_unique" UNIQUE("site_id","path"),
	CONSTRAINT "cms_contents_kind" CHECK ("cms_contents"."kind" IN ('page', 'article', 'document')),
	CONSTRAINT "cms_contents_status" CHECK ("cms_contents"."status" IN ('draft', 'in_review', 'scheduled', 'published', 'archived')),
	CONSTRAINT "cms_contents_visibility" CHECK ("cms_contents"."visibility" IN ('public', 'members')),
	CONSTRAINT "cms_contents_slug_format" CHECK ("cms_contents"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "cms_contents_parent_is_page" CHECK ("cms_contents"."parent_id" IS NULL OR "cms_contents"."kind" = 'page'),
	CONSTRAINT "cms_contents_live_dates" CHECK (("cms_contents"."published_revision_id" IS NULL) = ("cms_contents"."published_at" IS NULL)),
	CONSTRAINT "cms_contents_scheduled_has_date" CHECK ("cms_contents"."status" <> 'scheduled' OR "cms_contents"."publish_at" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "cms_contents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cms_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"body" jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plain_text" text DEFAULT '' NOT NULL,
	"restored_from_id" uuid,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cms_revisions_content_number_unique" UNIQUE("content_id","number")
);
--> statement-breakpoint
ALTER TABLE "cms_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cms_sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"theme" jsonb NOT NULL,
	"host_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"menus" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cms_sites_entity_unique" UNIQUE("entity_id"),
	CONSTRAINT "cms_sites_slug_unique" UNIQUE("slug"),
	CONSTRAINT "cms_sites_slug_format" CHECK ("cms_sites"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
ALTER TABLE "cms_sites" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cms_syndications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"origin_site_id" uuid NOT NULL,
	"target_site_id" uuid NOT NULL,
	"status" text DEFAULT 'offered' NOT NULL,
	"offered_by" uuid,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cms_syndications_content_target_unique" UNIQUE("content_id","target_site_id"),
	CONSTRAINT "cms_syndications_status" CHECK ("cms_syndications"."status" IN ('offered', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "cms_syndications_not_self" CHECK ("cms_syndications"."origin_site_id" <> "cms_syndications"."target_site_id")
);
--> statement-breakpoint
ALTER TABLE "cms_syndications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"original_filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"width" integer,
	"height" integer,
	"alt" text,
	"title" text,
	"storage_key" text NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_files_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "media_files_kind" CHECK ("media_files"."kind" IN ('image', 'file')),
	CONSTRAINT "media_files_sha256_format" CHECK ("media_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "media_files_byte_size" CHECK ("media_files"."byte_size" >= 0),
	CONSTRAINT "media_files_image_dimensions" CHECK (("media_files"."kind" = 'image') = ("media_files"."width" IS NOT NULL AND "media_files"."height" IS NOT NULL) AND ("media_files"."width" IS NULL OR "media_files"."width" > 0) AND ("media_files"."height" IS NULL OR "media_files"."height" > 0))
);
--> statement-breakpoint
ALTER TABLE "media_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "media_usages" (
	"media_id" uuid NOT NULL,
	"used_by_kind" text NOT NULL,
	"used_by_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_usages_pk" PRIMARY KEY("media_id","used_by_kind","used_by_id"),
	CONSTRAINT "media_usages_used_by_kind" CHECK ("media_usages"."used_by_kind" ~ '^[a-z][a-z0-9_.-]{0,62}$')
);
--> statement-breakpoint
ALTER TABLE "media_usages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "media_variants" (
	"media_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"format" text DEFAULT 'webp' NOT NULL,
	"byte_size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_variants_pk" PRIMARY KEY("media_id","width"),
	CONSTRAINT "media_variants_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "media_variants_format" CHECK ("media_variants"."format" IN ('webp')),
	CONSTRAINT "media_variants_size" CHECK ("media_variants"."width" > 0 AND "media_variants"."height" > 0 AND "media_variants"."byte_size" >= 0)
);
--> statement-breakpoint
ALTER TABLE "media_variants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cms_categories" ADD CONSTRAINT "cms_categories_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_categories" ADD CONSTRAINT "cms_categories_site_id_cms_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."cms_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_contents" ADD CONSTRAINT "cms_contents_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_contents" ADD CONSTRAINT "cms_contents_site_id_cms_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."cms_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_contents" ADD CONSTRAINT "cms_contents_parent_id_cms_contents_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cms_contents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_revisions" ADD CONSTRAINT "cms_revisions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_revisions" ADD CONSTRAINT "cms_revisions_content_id_cms_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."cms_contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_sites" ADD CONSTRAINT "cms_sites_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_syndications" ADD CONSTRAINT "cms_syndications_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_syndications" ADD CONSTRAINT "cms_syndications_content_id_cms_contents_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."cms_contents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_syndications" ADD CONSTRAINT "cms_syndications_origin_site_id_cms_sites_id_fk" FOREIGN KEY ("origin_site_id") REFERENCES "public"."cms_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_syndications" ADD CONSTRAINT "cms_syndications_target_site_id_cms_sites_id_fk" FOREIGN KEY ("target_site_id") REFERENCES "public"."cms_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_variants" ADD CONSTRAINT "media_variants_media_id_media_files_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_variants" ADD CONSTRAINT "media_variants_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cms_categories_entity_id_idx" ON "cms_categories" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "cms_contents_entity_id_idx" ON "cms_contents" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "cms_contents_site_status_idx" ON "cms_contents" USING btree ("site_id","kind","status");--> statement-breakpoint
CREATE INDEX "cms_contents_live_idx" ON "cms_contents" USING btree ("site_id","kind","published_at" DESC NULLS LAST) WHERE "cms_contents"."published_revision_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cms_contents_parent_idx" ON "cms_contents" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "cms_contents_publish_due_idx" ON "cms_contents" USING btree ("publish_at") WHERE "cms_contents"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "cms_contents_unpublish_due_idx" ON "cms_contents" USING btree ("unpublish_at") WHERE "cms_contents"."unpublish_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cms_revisions_entity_id_idx" ON "cms_revisions" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "cms_sites_host_names_idx" ON "cms_sites" USING gin ("host_names");--> statement-breakpoint
CREATE INDEX "cms_syndications_entity_id_idx" ON "cms_syndications" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "cms_syndications_target_idx" ON "cms_syndications" USING btree ("target_site_id","status");--> statement-breakpoint
CREATE INDEX "media_files_entity_id_idx" ON "media_files" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE INDEX "media_usages_used_by_idx" ON "media_usages" USING btree ("used_by_kind","used_by_id");--> statement-breakpoint
CREATE INDEX "media_usages_entity_id_idx" ON "media_usages" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "media_variants_entity_id_idx" ON "media_variants" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "cms_categories_tenant_isolation" ON "cms_categories" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "cms_contents_tenant_isolation" ON "cms_contents" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "cms_revisions_tenant_isolation" ON "cms_revisions" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "cms_sites_tenant_isolation" ON "cms_sites" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "cms_syndications_tenant_isolation" ON "cms_syndications" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "media_files_tenant_isolation" ON "media_files" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "media_usages_tenant_isolation" ON "media_usages" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "media_variants_tenant_isolation" ON "media_variants" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));