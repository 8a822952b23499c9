-- The member of a membership is a CRM company. Declared here rather than in memberships.tables.ts so
-- that the membership module does not import the CRM's Drizzle tables (as for invoices, migration 0021).
-- No cascade: a company merge moves its memberships to the survivor first (MEMBERSHIPS_MERGE_STEP).
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;
