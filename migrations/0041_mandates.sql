CREATE TABLE "mandate_bodies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"departement_code" text,
	"commune" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandate_bodies_name_unique" UNIQUE("name"),
	CONSTRAINT "mandate_bodies_kind" CHECK ("mandate_bodies"."kind" IN ('prudhommes', 'urssaf', 'cpam', 'caf', 'carsat', 'cci', 'cma', 'tribunal_commerce', 'ceser', 'other')),
	CONSTRAINT "mandate_bodies_name_length" CHECK (length("mandate_bodies"."name") BETWEEN 1 AND 200),
	CONSTRAINT "mandate_bodies_departement_format" CHECK ("mandate_bodies"."departement_code" IS NULL OR "mandate_bodies"."departement_code" ~ '^([0-9]{2}|2A|2B|97[1-6])$')
);
--> statement-breakpoint
CREATE TABLE "mandate_seats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"label" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandate_seats_body_label_role_unique" UNIQUE("body_id","entity_id","label","role"),
	CONSTRAINT "mandate_seats_role" CHECK ("mandate_seats"."role" IN ('titular', 'substitute')),
	CONSTRAINT "mandate_seats_label_length" CHECK (length("mandate_seats"."label") BETWEEN 1 AND 200)
);
--> statement-breakpoint
ALTER TABLE "mandate_seats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"seat_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mandates_status" CHECK ("mandates"."status" IN ('active', 'cancelled')),
	CONSTRAINT "mandates_dates" CHECK ("mandates"."end_on" >= "mandates"."start_on")
);
--> statement-breakpoint
ALTER TABLE "mandates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "mandate_seats" ADD CONSTRAINT "mandate_seats_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandate_seats" ADD CONSTRAINT "mandate_seats_body_id_mandate_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."mandate_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_seat_id_mandate_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."mandate_seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_body_id_mandate_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."mandate_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mandate_bodies_departement_idx" ON "mandate_bodies" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "mandate_seats_entity_id_idx" ON "mandate_seats" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "mandates_entity_id_idx" ON "mandates" USING btree ("entity_id","end_on");--> statement-breakpoint
CREATE INDEX "mandates_seat_idx" ON "mandates" USING btree ("seat_id","start_on");--> statement-breakpoint
CREATE INDEX "mandates_body_idx" ON "mandates" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "mandates_person_idx" ON "mandates" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "mandates_active_end_idx" ON "mandates" USING btree ("end_on") WHERE "mandates"."status" = 'active';--> statement-breakpoint
CREATE POLICY "mandate_seats_tenant_isolation" ON "mandate_seats" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "mandates_tenant_isolation" ON "mandates" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));