CREATE TABLE "sepa_batch_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"sequence_type" text NOT NULL,
	CONSTRAINT "sepa_batch_items_invoice_id_unique" UNIQUE("invoice_id"),
	CONSTRAINT "sepa_batch_items_amount_positive" CHECK ("sepa_batch_items"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sepa_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"collection_date" date NOT NULL,
	"number_of_transactions" integer NOT NULL,
	"control_sum_cents" integer NOT NULL,
	"xml" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sepa_batches_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
ALTER TABLE "sepa_batches" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sepa_creditors" (
	"entity_id" uuid PRIMARY KEY NOT NULL,
	"creditor_identifier" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sepa_creditors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sepa_mandates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"signature_date" date NOT NULL,
	"debtor_name" text NOT NULL,
	"iban_encrypted" text NOT NULL,
	"iban_blind_index" text NOT NULL,
	"iban_last4" text NOT NULL,
	"bic" text,
	"sequence_type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sepa_mandates_entity_reference_unique" UNIQUE("entity_id","reference"),
	CONSTRAINT "sepa_mandates_sequence_type" CHECK ("sepa_mandates"."sequence_type" IN ('FRST', 'RCUR', 'OOFF', 'FNAL')),
	CONSTRAINT "sepa_mandates_status" CHECK ("sepa_mandates"."status" IN ('active', 'revoked'))
);
--> statement-breakpoint
ALTER TABLE "sepa_mandates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "sepa_batch_items_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "sepa_batch_items_batch_id_sepa_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."sepa_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "sepa_batch_items_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "sepa_batch_items_mandate_id_sepa_mandates_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."sepa_mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_batches" ADD CONSTRAINT "sepa_batches_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_creditors" ADD CONSTRAINT "sepa_creditors_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sepa_batch_items_batch_id_idx" ON "sepa_batch_items" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "sepa_batch_items_entity_id_idx" ON "sepa_batch_items" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "sepa_batches_entity_id_idx" ON "sepa_batches" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_mandates_one_active_idx" ON "sepa_mandates" USING btree ("entity_id","organization_id") WHERE "sepa_mandates"."status" = 'active';--> statement-breakpoint
CREATE INDEX "sepa_mandates_iban_blind_index_idx" ON "sepa_mandates" USING btree ("iban_blind_index");--> statement-breakpoint
CREATE POLICY "sepa_batch_items_tenant_isolation" ON "sepa_batch_items" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "sepa_batches_tenant_isolation" ON "sepa_batches" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "sepa_creditors_tenant_isolation" ON "sepa_creditors" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "sepa_mandates_tenant_isolation" ON "sepa_mandates" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));