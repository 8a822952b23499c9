CREATE TABLE "event_seat_totals" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"entity_id" uuid NOT NULL,
	"seats_taken" integer NOT NULL,
	"waiting" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_seat_totals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "event_seat_totals" ADD CONSTRAINT "event_seat_totals_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_seat_totals_entity_id_idx" ON "event_seat_totals" USING btree ("entity_id");--> statement-breakpoint
CREATE POLICY "event_seat_totals_tenant_isolation" ON "event_seat_totals" AS PERMISSIVE FOR ALL TO "maillage_app" USING (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())) WITH CHECK (app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids()));--> statement-breakpoint
-- Follows event_registrations (event-seat-totals.tables.ts): the new rows add (+1), the old ones
-- remove (-1), an UPDATE does both; rows back to zero go away. SECURITY DEFINER as the membership
-- totals (0049): derived rows follow whatever the database accepted.
CREATE FUNCTION event_seat_totals_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO event_seat_totals AS t (event_id, entity_id, seats_taken, waiting)
    SELECT event_id, min(entity_id::text)::uuid, count(*) FILTER (WHERE status IN ('registered', 'attended')), count(*) FILTER (WHERE status = 'waiting')
      FROM new_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (event_id) DO UPDATE SET seats_taken = t.seats_taken + excluded.seats_taken, waiting = t.waiting + excluded.waiting;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO event_seat_totals AS t (event_id, entity_id, seats_taken, waiting)
    SELECT event_id, min(entity_id::text)::uuid, -count(*) FILTER (WHERE status IN ('registered', 'attended')), -count(*) FILTER (WHERE status = 'waiting')
      FROM old_rows GROUP BY 1 ORDER BY 1
    ON CONFLICT (event_id) DO UPDATE SET seats_taken = t.seats_taken + excluded.seats_taken, waiting = t.waiting + excluded.waiting;
    DELETE FROM event_seat_totals t USING (SELECT DISTINCT event_id FROM old_rows) o
     WHERE t.event_id = o.event_id AND t.seats_taken = 0 AND t.waiting = 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER event_seat_totals_insert AFTER INSERT ON event_registrations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_seat_totals_follow();--> statement-breakpoint
CREATE TRIGGER event_seat_totals_update AFTER UPDATE ON event_registrations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_seat_totals_follow();--> statement-breakpoint
CREATE TRIGGER event_seat_totals_delete AFTER DELETE ON event_registrations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_seat_totals_follow();--> statement-breakpoint
CREATE FUNCTION event_seat_totals_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  DELETE FROM event_seat_totals;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER event_seat_totals_truncate AFTER TRUNCATE ON event_registrations FOR EACH STATEMENT EXECUTE FUNCTION event_seat_totals_truncated();--> statement-breakpoint
-- Existing registrations, counted once.
INSERT INTO event_seat_totals (event_id, entity_id, seats_taken, waiting)
SELECT event_id, min(entity_id::text)::uuid, count(*) FILTER (WHERE status IN ('registered', 'attended')), count(*) FILTER (WHERE status = 'waiting')
  FROM event_registrations GROUP BY 1
HAVING count(*) FILTER (WHERE status IN ('registered', 'attended', 'waiting')) > 0;
