ALTER TABLE "mandate_bodies" ADD COLUMN "entity_id" uuid;--> statement-breakpoint
ALTER TABLE "mandate_bodies" ADD CONSTRAINT "mandate_bodies_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandate_bodies_entity_id_idx" ON "mandate_bodies" USING btree ("entity_id");