-- AI Hub traceability (ADR 0018): interactions and feedback are append-only for the application;
-- the retention purge runs as the owner.
REVOKE UPDATE, DELETE, TRUNCATE ON "ai_interactions" FROM maillage_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "ai_feedback" FROM maillage_app;
