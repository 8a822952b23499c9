-- The customer of an invoice is a CRM company. Declared here rather than in invoicing.tables.ts so
-- that the membership module does not import the CRM's Drizzle tables (modules meet through index.ts).
-- No cascade: a company with invoices cannot disappear from under its accounting.
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint

-- An issued invoice or credit note is a legal record (ADR 0013): once it leaves the draft state only
-- its settlement (status, paid and credited sums) may change, and it can no longer be deleted. The
-- services refuse first with a readable message; this guard holds for every other writer too.
CREATE FUNCTION invoices_freeze_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    (to_jsonb(NEW) - ARRAY['status', 'paid_cents', 'credited_cents', 'version', 'updated_at'])
      IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'paid_cents', 'credited_cents', 'version', 'updated_at'])
    OR NEW.status = 'draft'
  ) THEN
    RAISE EXCEPTION 'issued invoice % is immutable', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER invoices_freeze_issued BEFORE UPDATE OR DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION invoices_freeze_issued();--> statement-breakpoint

CREATE FUNCTION invoice_lines_freeze_issued() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM invoices WHERE id = target AND status <> 'draft') THEN
    RAISE EXCEPTION 'lines of an issued invoice are immutable' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;--> statement-breakpoint
CREATE TRIGGER invoice_lines_freeze_issued BEFORE INSERT OR UPDATE OR DELETE ON "invoice_lines" FOR EACH ROW EXECUTE FUNCTION invoice_lines_freeze_issued();
