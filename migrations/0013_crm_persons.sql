CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "affiliations_role" CHECK ("affiliations"."role" IN ('dirigeant', 'drh', 'contact_principal', 'comptable', 'autre')),
	CONSTRAINT "affiliations_dates" CHECK ("affiliations"."ends_on" IS NULL OR "affiliations"."starts_on" IS NULL OR "affiliations"."ends_on" >= "affiliations"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "affiliations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "person_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"proof" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "person_consents_channel" CHECK ("person_consents"."channel" IN ('newsletter', 'events', 'sms')),
	CONSTRAINT "person_consents_status" CHECK ("person_consents"."status" IN ('granted', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "person_consents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "person_emails" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	CONSTRAINT "person_emails_entity_email_unique" UNIQUE("entity_id","email")
);
--> statement-breakpoint
ALTER TABLE "person_emails" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"civility" text,
	"first_name" text,
	"last_name" text NOT NULL,
	"job_title" text,
	"phone" text,
	"personal_phone_encrypted" text,
	"sensitive_note_encrypted" text,
	"legal_basis" text DEFAULT 'legitimate_interest' NOT NULL,
	"retention_flagged_at" timestamp with time zone,
	"anonymized_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_civility" CHECK ("persons"."civility" IN ('M', 'MME')),
	CONSTRAINT "persons_legal_basis" CHECK ("persons"."legal_basis" IN ('consent', 'contract', 'legitimate_interest', 'legal_obligation'))
);
--> statement-breakpoint
ALTER TABLE "persons" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_consents" ADD CONSTRAINT "person_consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_emails" ADD CONSTRAINT "person_emails_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_emails" ADD CONSTRAINT "person_emails_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "affiliations_entity_id_idx" ON "affiliations" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "affiliations_person_id_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_organization_id_idx" ON "affiliations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "person_consents_entity_id_idx" ON "person_consents" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "person_consents_person_channel_idx" ON "person_consents" USING btree ("person_id","channel","recorded_at");--> statement-breakpoint
CREATE INDEX "person_emails_person_id_idx" ON "person_emails" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_emails_email_idx" ON "person_emails" USING btree ("email");--> statement-breakpoint
CREATE INDEX "persons_entity_id_idx" ON "persons" USING btree ("entity_id","last_name","id");--> statement-breakpoint
CREATE INDEX "persons_last_name_idx" ON "persons" USING btree ("last_name","id");--> statement-breakpoint
CREATE POLICY "affiliations_tenant_isolation" ON "affiliations" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "person_consents_tenant_isolation" ON "person_consents" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "person_emails_tenant_isolation" ON "person_emails" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "persons_tenant_isolation" ON "persons" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));