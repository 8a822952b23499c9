CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid,
	"status" text NOT NULL,
	"waiting_position" integer,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_status" CHECK ("event_registrations"."status" IN ('registered', 'waiting', 'cancelled', 'attended')),
	CONSTRAINT "event_registrations_waiting_position" CHECK (("event_registrations"."status" = 'waiting') = ("event_registrations"."waiting_position" IS NOT NULL) AND ("event_registrations"."waiting_position" IS NULL OR "event_registrations"."waiting_position" >= 1)),
	CONSTRAINT "event_registrations_checked_in" CHECK (("event_registrations"."status" = 'attended') = ("event_registrations"."checked_in_at" IS NOT NULL)),
	CONSTRAINT "event_registrations_cancelled" CHECK (("event_registrations"."status" = 'cancelled') = ("event_registrations"."cancelled_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "event_registrations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"timezone" text DEFAULT 'Europe/Paris' NOT NULL,
	"place_name" text,
	"place_address" text,
	"place_postal_code" text,
	"place_commune" text,
	"online_url" text,
	"capacity" integer,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"visibility" text DEFAULT 'members' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_dates" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_registration_window" CHECK ("events"."registration_closes_at" IS NULL OR "events"."registration_opens_at" IS NULL OR "events"."registration_closes_at" > "events"."registration_opens_at"),
	CONSTRAINT "events_capacity" CHECK ("events"."capacity" IS NULL OR "events"."capacity" >= 0),
	CONSTRAINT "events_price" CHECK ("events"."price_cents" >= 0),
	CONSTRAINT "events_currency" CHECK ("events"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "events_visibility" CHECK ("events"."visibility" IN ('public', 'members')),
	CONSTRAINT "events_status" CHECK ("events"."status" IN ('draft', 'published', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"template" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"status" text NOT NULL,
	"unsubscribe_person_id" uuid,
	"unsubscribe_list" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_status" CHECK ("mail_outbox"."status" IN ('queued', 'sending', 'sent', 'failed', 'kept', 'suppressed')),
	CONSTRAINT "mail_outbox_unsubscribe_list" CHECK ("mail_outbox"."unsubscribe_list" IS NULL OR "mail_outbox"."unsubscribe_list" IN ('newsletter', 'events')),
	CONSTRAINT "mail_outbox_unsubscribe_pair" CHECK (("mail_outbox"."unsubscribe_person_id" IS NULL) = ("mail_outbox"."unsubscribe_list" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mail_unsubscribes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"list" text NOT NULL,
	"outbox_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_unsubscribes_person_list_unique" UNIQUE("person_id","list"),
	CONSTRAINT "mail_unsubscribes_list" CHECK ("mail_unsubscribes"."list" IN ('newsletter', 'events'))
);
--> statement-breakpoint
ALTER TABLE "mail_unsubscribes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_unsubscribes" ADD CONSTRAINT "mail_unsubscribes_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_registrations_entity_id_idx" ON "event_registrations" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","status","waiting_position");--> statement-breakpoint
CREATE INDEX "event_registrations_person_idx" ON "event_registrations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "event_registrations_organization_idx" ON "event_registrations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_active_unique" ON "event_registrations" USING btree ("event_id","person_id") WHERE "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "events_entity_id_idx" ON "events" USING btree ("entity_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_starts_at_idx" ON "events" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_entity_id_idx" ON "mail_outbox" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("status") WHERE "mail_outbox"."status" IN ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "mail_unsubscribes_entity_id_idx" ON "mail_unsubscribes" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "event_registrations_tenant_isolation" ON "event_registrations" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "events_tenant_isolation" ON "events" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "mail_outbox_tenant_isolation" ON "mail_outbox" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
CREATE POLICY "mail_unsubscribes_tenant_isolation" ON "mail_unsubscribes" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));