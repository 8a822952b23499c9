CREATE TABLE "renewal_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"reminder_offsets" integer[] NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total_count" integer DEFAULT 0 NOT NULL,
	"runs" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_campaigns_entity_year_unique" UNIQUE("entity_id","year"),
	CONSTRAINT "renewal_campaigns_status" CHECK ("renewal_campaigns"."status" IN ('queued', 'running', 'completed')),
	CONSTRAINT "renewal_campaigns_dates" CHECK ("renewal_campaigns"."issue_date" <= "renewal_campaigns"."due_date")
);
--> statement-breakpoint
ALTER TABLE "renewal_campaigns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "renewal_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"outcome" text NOT NULL,
	"invoice_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_invoices_membership_year_unique" UNIQUE("membership_id","year"),
	CONSTRAINT "renewal_invoices_outcome" CHECK ("renewal_invoices"."outcome" IN ('issued', 'skipped', 'failed')),
	CONSTRAINT "renewal_invoices_issued" CHECK (("renewal_invoices"."outcome" = 'issued') = ("renewal_invoices"."invoice_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "renewal_invoices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "renewal_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"offset_days" integer NOT NULL,
	"mailed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_reminders_invoice_step_unique" UNIQUE("invoice_id","offset_days")
);
--> statement-breakpoint
ALTER TABLE "renewal_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dues_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"headcount_band" text,
	"type_id" uuid,
	"amount_cents" integer NOT NULL,
	CONSTRAINT "dues_rates_amount" CHECK ("dues_rates"."amount_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dues_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dues_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"pro_rata" boolean DEFAULT false NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dues_schedules_entity_year_unique" UNIQUE("entity_id","year"),
	CONSTRAINT "dues_schedules_year" CHECK ("dues_schedules"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "dues_schedules_currency" CHECK ("dues_schedules"."currency" = 'EUR')
);
--> statement-breakpoint
ALTER TABLE "dues_schedules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "membership_status_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"effective_on" date NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership_status_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "membership_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"free" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_types_entity_code_unique" UNIQUE("entity_id","code"),
	CONSTRAINT "membership_types_code_format" CHECK ("membership_types"."code" ~ '^[a-z][a-z0-9_-]{0,39}$')
);
--> statement-breakpoint
ALTER TABLE "membership_types" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"period_kind" text NOT NULL,
	"started_on" date NOT NULL,
	"current_period_start" date NOT NULL,
	"current_period_end" date NOT NULL,
	"tacit_renewal" boolean DEFAULT true NOT NULL,
	"grace_days" integer DEFAULT 60 NOT NULL,
	"join_invoice_id" uuid,
	"billing_email" text,
	"cancelled_on" date,
	"cancellation_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_status" CHECK ("memberships"."status" IN ('pending', 'active', 'grace', 'lapsed', 'cancelled')),
	CONSTRAINT "memberships_period_kind" CHECK ("memberships"."period_kind" IN ('calendar', 'anniversary')),
	CONSTRAINT "memberships_period" CHECK ("memberships"."current_period_start" <= "memberships"."current_period_end"),
	CONSTRAINT "memberships_grace_days" CHECK ("memberships"."grace_days" BETWEEN 0 AND 366),
	CONSTRAINT "memberships_cancelled" CHECK (("memberships"."status" = 'cancelled') = ("memberships"."cancelled_on" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "renewal_campaigns" ADD CONSTRAINT "renewal_campaigns_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_invoices" ADD CONSTRAINT "renewal_invoices_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_invoices" ADD CONSTRAINT "renewal_invoices_campaign_id_renewal_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."renewal_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_invoices" ADD CONSTRAINT "renewal_invoices_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_invoices" ADD CONSTRAINT "renewal_invoices_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_reminders" ADD CONSTRAINT "renewal_reminders_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_reminders" ADD CONSTRAINT "renewal_reminders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_rates" ADD CONSTRAINT "dues_rates_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_rates" ADD CONSTRAINT "dues_rates_schedule_id_dues_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."dues_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_rates" ADD CONSTRAINT "dues_rates_type_id_membership_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."membership_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dues_schedules" ADD CONSTRAINT "dues_schedules_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_status_changes" ADD CONSTRAINT "membership_status_changes_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_status_changes" ADD CONSTRAINT "membership_status_changes_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_types" ADD CONSTRAINT "membership_types_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_type_id_membership_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."membership_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_join_invoice_id_invoices_id_fk" FOREIGN KEY ("join_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "renewal_invoices_campaign_idx" ON "renewal_invoices" USING btree ("campaign_id","outcome");--> statement-breakpoint
CREATE INDEX "renewal_invoices_entity_id_idx" ON "renewal_invoices" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "renewal_reminders_entity_id_idx" ON "renewal_reminders" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_rates_criteria_unique" ON "dues_rates" USING btree ("schedule_id",coalesce("headcount_band", '*'),coalesce("type_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "dues_rates_entity_id_idx" ON "dues_rates" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "membership_status_changes_membership_idx" ON "membership_status_changes" USING btree ("membership_id","created_at");--> statement-breakpoint
CREATE INDEX "membership_status_changes_entity_id_idx" ON "membership_status_changes" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "memberships_entity_id_idx" ON "memberships" USING btree ("entity_id","status");--> statement-breakpoint
CREATE INDEX "memberships_organization_id_idx" ON "memberships" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_live_per_entity" ON "memberships" USING btree ("organization_id","entity_id") WHERE "memberships"."status" IN ('pending', 'active', 'grace');--> statement-breakpoint
CREATE POLICY "renewal_campaigns_tenant_isolation" ON "renewal_campaigns" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "renewal_invoices_tenant_isolation" ON "renewal_invoices" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "renewal_reminders_tenant_isolation" ON "renewal_reminders" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "dues_rates_tenant_isolation" ON "dues_rates" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "dues_schedules_tenant_isolation" ON "dues_schedules" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "membership_status_changes_tenant_isolation" ON "membership_status_changes" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "membership_types_tenant_isolation" ON "membership_types" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));