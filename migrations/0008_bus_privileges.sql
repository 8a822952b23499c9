-- The message bus (pg-boss) installs its own schema at boot, as the owner. Messages are sent inside
-- business transactions, which run as maillage_app: that role inserts jobs and reads queue settings.
-- Default privileges cover the tables pg-boss creates later (per-queue partitions); the server also
-- grants on existing tables at boot. Updates and deletes (retry, redrive) stay with the owner.
CREATE SCHEMA IF NOT EXISTS pgboss;
--> statement-breakpoint
GRANT USAGE ON SCHEMA pgboss TO maillage_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT ON TABLES TO maillage_app;
--> statement-breakpoint
-- Flags are managed through the API and never deleted (disable them instead): keep history simple.
REVOKE DELETE ON feature_flags FROM maillage_app;
