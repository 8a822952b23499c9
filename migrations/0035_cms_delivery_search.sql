CREATE TABLE "cms_search_documents" (
	"content_id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cms_search_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cms_site_generations" (
	"site_id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"generation" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cms_site_generations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cms_search_documents" ADD CONSTRAINT "cms_search_documents_site_id_cms_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."cms_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_search_documents" ADD CONSTRAINT "cms_search_documents_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_site_generations" ADD CONSTRAINT "cms_site_generations_site_id_cms_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."cms_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cms_site_generations" ADD CONSTRAINT "cms_site_generations_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cms_search_documents_entity_id_idx" ON "cms_search_documents" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "cms_search_documents_site_idx" ON "cms_search_documents" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "cms_search_documents_search_idx" ON "cms_search_documents" USING gin ("search");--> statement-breakpoint
CREATE INDEX "cms_site_generations_entity_id_idx" ON "cms_site_generations" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "cms_search_documents_tenant_isolation" ON "cms_search_documents" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "cms_site_generations_tenant_isolation" ON "cms_site_generations" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));