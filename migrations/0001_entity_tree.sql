CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"siren" text,
	"legal_name" text,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_code_unique" UNIQUE("code"),
	CONSTRAINT "entities_siren_format" CHECK ("entities"."siren" IS NULL OR "entities"."siren" ~ '^[0-9]{9}$'),
	CONSTRAINT "entities_national_is_root" CHECK (("entities"."kind" = 'national') = ("entities"."parent_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "entity_tree_paths" (
	"ancestor_id" uuid NOT NULL,
	"descendant_id" uuid NOT NULL,
	"depth" integer NOT NULL,
	CONSTRAINT "entity_tree_paths_ancestor_id_descendant_id_pk" PRIMARY KEY("ancestor_id","descendant_id")
);
--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_parent_id_entities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_tree_paths" ADD CONSTRAINT "entity_tree_paths_ancestor_id_entities_id_fk" FOREIGN KEY ("ancestor_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_tree_paths" ADD CONSTRAINT "entity_tree_paths_descendant_id_entities_id_fk" FOREIGN KEY ("descendant_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entities_parent_id_idx" ON "entities" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "entity_tree_paths_descendant_idx" ON "entity_tree_paths" USING btree ("descendant_id");