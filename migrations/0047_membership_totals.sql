CREATE TABLE "membership_dues_totals" (
	"entity_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"invoices" integer NOT NULL,
	"invoiced_cents" bigint NOT NULL,
	"collected_cents" bigint NOT NULL,
	CONSTRAINT "membership_dues_totals_entity_id_fiscal_year_pk" PRIMARY KEY("entity_id","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "membership_dues_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "membership_open_balances" (
	"entity_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"invoices" integer NOT NULL,
	"unpaid_cents" bigint NOT NULL,
	CONSTRAINT "membership_open_balances_entity_id_due_date_pk" PRIMARY KEY("entity_id","due_date")
);
--> statement-breakpoint
ALTER TABLE "membership_open_balances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "membership_renewal_totals" (
	"entity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"due" integer NOT NULL,
	"renewed" integer NOT NULL,
	CONSTRAINT "membership_renewal_totals_entity_id_year_pk" PRIMARY KEY("entity_id","year")
);
--> statement-breakpoint
ALTER TABLE "membership_renewal_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "membership_status_totals" (
	"entity_id" uuid NOT NULL,
	"status" text NOT NULL,
	"members" integer NOT NULL,
	CONSTRAINT "membership_status_totals_entity_id_status_pk" PRIMARY KEY("entity_id","status")
);
--> statement-breakpoint
ALTER TABLE "membership_status_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "membership_dues_totals" ADD CONSTRAINT "membership_dues_totals_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_open_balances" ADD CONSTRAINT "membership_open_balances_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_renewal_totals" ADD CONSTRAINT "membership_renewal_totals_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_status_totals" ADD CONSTRAINT "membership_status_totals_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_open_balances_due_date_idx" ON "membership_open_balances" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "renewal_invoices_invoice_idx" ON "renewal_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE POLICY "membership_dues_totals_tenant_isolation" ON "membership_dues_totals" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "membership_open_balances_tenant_isolation" ON "membership_open_balances" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "membership_renewal_totals_tenant_isolation" ON "membership_renewal_totals" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "membership_status_totals_tenant_isolation" ON "membership_status_totals" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));