-- The audit trail is append-only for the application role: it may read (under RLS) and insert,
-- never change or remove. It may not set the time or the chain columns either: occurred_at comes
-- from the database clock and only the sealer (run as the owner, see audit-chain.ts) links rows.
REVOKE UPDATE, DELETE, TRUNCATE, INSERT ON audit_events FROM maillage_app;
--> statement-breakpoint
GRANT INSERT (id, actor_user_id, entity_id, action, resource_type, resource_id, changes, request_id, ip) ON audit_events TO maillage_app;
--> statement-breakpoint
REVOKE ALL ON audit_chain_head FROM maillage_app;
--> statement-breakpoint
-- Second line of defence, for the owner too: a sealed event never changes and no event is deleted;
-- an unsealed one may only receive its chain columns. Tampering then requires disabling this
-- trigger, and the hash chain shows what was done.
CREATE FUNCTION audit_events_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_position IS NULL
     AND (to_jsonb(NEW) - 'chain_position' - 'chain_hash') = (to_jsonb(OLD) - 'chain_position' - 'chain_hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_guard();
