-- A CRM merge of duplicate companies must be able to re-point invoices to the surviving company.
-- The customer that legally counts on an issued invoice is the snapshot frozen at issue time
-- (customer_name, customer_siren, customer_address), so organization_id joins the columns that may
-- still change after issue; everything else stays frozen (ADR 0013).
CREATE OR REPLACE FUNCTION invoices_freeze_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    (to_jsonb(NEW) - ARRAY['status', 'paid_cents', 'credited_cents', 'organization_id', 'version', 'updated_at'])
      IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'paid_cents', 'credited_cents', 'organization_id', 'version', 'updated_at'])
    OR NEW.status = 'draft'
  ) THEN
    RAISE EXCEPTION 'issued invoice % is immutable', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
