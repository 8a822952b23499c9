ALTER TABLE "mandate_bodies" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "mandate_seats" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;