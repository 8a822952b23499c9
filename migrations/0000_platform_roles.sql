-- The application role: the server switches to it in every transaction (SET LOCAL ROLE), so that
-- row-level security applies. It cannot log in; the owner connection assumes it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'maillage_app') THEN
    CREATE ROLE maillage_app NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
-- Roles are cluster-wide: grant membership to whoever runs the migrations, so it may SET ROLE.
DO $$
BEGIN
  EXECUTE format('GRANT maillage_app TO %I', current_user);
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO maillage_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO maillage_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO maillage_app;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
