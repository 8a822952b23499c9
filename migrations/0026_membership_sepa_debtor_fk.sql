-- The debtor of a SEPA mandate is a CRM company. Declared here rather than in sepa.tables.ts so that
-- the membership module does not import the CRM's Drizzle tables (as for invoices, migration 0021).
-- No cascade: a company merge moves its mandates to the survivor first (SEPA_MANDATES_MERGE_STEP).
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
