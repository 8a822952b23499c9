CREATE TABLE "organization_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" text DEFAULT 'prospect' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"attached_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_links_organization_entity_unique" UNIQUE("organization_id","entity_id"),
	CONSTRAINT "organization_links_status" CHECK ("organization_links"."status" IN ('prospect', 'member', 'former_member')),
	CONSTRAINT "organization_links_attached_by" CHECK ("organization_links"."attached_by" IN ('derived', 'manual'))
);
--> statement-breakpoint
ALTER TABLE "organization_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"siren" text NOT NULL,
	"name" text NOT NULL,
	"legal_name" text,
	"naf_code" text,
	"naf_version" text,
	"legal_form" text,
	"headcount_band" text,
	"street" text,
	"postal_code" text,
	"commune_insee" text,
	"commune_name" text,
	"departement_code" text,
	"website" text,
	"phone" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', immutable_unaccent(name)), 'A') || setweight(to_tsvector('french', immutable_unaccent(coalesce(legal_name, ''))), 'B') || setweight(to_tsvector('french', immutable_unaccent(coalesce(commune_name, ''))), 'C')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_siren_unique" UNIQUE("siren"),
	CONSTRAINT "organizations_siren_format" CHECK ("organizations"."siren" ~ '^[0-9]{9}$'),
	CONSTRAINT "organizations_naf_versioned" CHECK (("organizations"."naf_code" IS NULL) = ("organizations"."naf_version" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "organization_links" ADD CONSTRAINT "organization_links_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_links" ADD CONSTRAINT "organization_links_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_links_entity_id_idx" ON "organization_links" USING btree ("entity_id","status");--> statement-breakpoint
CREATE INDEX "organizations_departement_name_idx" ON "organizations" USING btree ("departement_code","name","id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_naf_code_idx" ON "organizations" USING btree ("naf_code");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("search");--> statement-breakpoint
CREATE POLICY "organization_links_tenant_isolation" ON "organization_links" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));