-- The registrant is a CRM contact and may name a CRM company. Declared here rather than in
-- events.tables.ts so that the events module does not import the CRM's Drizzle tables.
-- Deleting a contact removes its registrations (a merge moves them first: registrations-merge-step);
-- a company that disappears only drops the reference.
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
