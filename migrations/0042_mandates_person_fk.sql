-- The holder of a mandate is a CRM contact person. Declared here rather than in mandates.tables.ts
-- so that the mandates module does not import the CRM's Drizzle tables (as for invoices, 0021).
-- No cascade: erasing a person anonymises the row, it is not deleted while a mandate refers to it.
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
