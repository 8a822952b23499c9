CREATE TABLE "payment_reversals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"reversed_on" date NOT NULL,
	"reason_code" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_reversals_payment_id_unique" UNIQUE("payment_id")
);
--> statement-breakpoint
ALTER TABLE "payment_reversals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" DROP CONSTRAINT "sepa_batch_items_invoice_id_unique";--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD COLUMN "payment_id" uuid;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD COLUMN "rejection_reason_code" text;--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD COLUMN "rejected_on" date;--> statement-breakpoint
ALTER TABLE "sepa_batches" ADD COLUMN "status" text DEFAULT 'exported' NOT NULL;--> statement-breakpoint
ALTER TABLE "sepa_batches" ADD COLUMN "settled_on" date;--> statement-breakpoint
ALTER TABLE "sepa_batches" ADD COLUMN "settled_by" uuid;--> statement-breakpoint
ALTER TABLE "payment_reversals" ADD CONSTRAINT "payment_reversals_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_reversals" ADD CONSTRAINT "payment_reversals_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_reversals_entity_id_idx" ON "payment_reversals" USING btree ("entity_id");--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "sepa_batch_items_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_batch_items_invoice_live_idx" ON "sepa_batch_items" USING btree ("invoice_id") WHERE "sepa_batch_items"."status" <> 'rejected';--> statement-breakpoint
ALTER TABLE "sepa_batch_items" ADD CONSTRAINT "sepa_batch_items_status" CHECK ("sepa_batch_items"."status" IN ('pending', 'settled', 'rejected'));--> statement-breakpoint
ALTER TABLE "sepa_batches" ADD CONSTRAINT "sepa_batches_status" CHECK ("sepa_batches"."status" IN ('exported', 'settled'));--> statement-breakpoint
CREATE POLICY "payment_reversals_tenant_isolation" ON "payment_reversals" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));