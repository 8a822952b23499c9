-- The stored PDF of an issued invoice is the document the customer received: the application may
-- add it once, never rewrite or remove it (every download answers the same bytes).
REVOKE UPDATE, DELETE ON "invoice_documents" FROM maillage_app;--> statement-breakpoint

-- Only an issued document has a PDF, and it belongs to the invoice's own entity.
CREATE FUNCTION invoice_documents_check_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM invoices WHERE id = NEW.invoice_id AND entity_id = NEW.entity_id AND status <> 'draft') THEN
    RAISE EXCEPTION 'invoice % is a draft or belongs to another entity', NEW.invoice_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER invoice_documents_check_invoice BEFORE INSERT ON "invoice_documents" FOR EACH ROW EXECUTE FUNCTION invoice_documents_check_invoice();
