ALTER TABLE "entities" ADD COLUMN "insee_code" text;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "entities" ADD COLUMN "phone" text;