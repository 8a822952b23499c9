CREATE TABLE "invoice_documents" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_by" uuid,
	CONSTRAINT "invoice_documents_sha256_format" CHECK ("invoice_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "invoice_documents_byte_size" CHECK ("invoice_documents"."byte_size" = octet_length("invoice_documents"."content"))
);
--> statement-breakpoint
ALTER TABLE "invoice_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD CONSTRAINT "invoice_documents_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_documents" ADD CONSTRAINT "invoice_documents_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_documents_entity_id_idx" ON "invoice_documents" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "invoice_documents_tenant_isolation" ON "invoice_documents" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));