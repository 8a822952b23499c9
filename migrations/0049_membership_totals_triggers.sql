-- The dashboard's per-entity totals (membership-totals.tables.ts) follow their source rows through
-- statement triggers with transition tables: every way the rows change (API, jobs, seed, import,
-- another instance) updates them in the same transaction, by one grouped upsert per statement.
-- SECURITY DEFINER: a job or a write may run under a scope that sees the source rows only; the
-- totals are derived rows and must follow whatever the database accepted.
-- Each function adds the new rows (+1) and removes the old ones (-1): an UPDATE does both.
CREATE FUNCTION membership_status_totals_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO membership_status_totals AS t (entity_id, status, members)
    SELECT entity_id, status, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, status) DO UPDATE SET members = t.members + excluded.members;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO membership_status_totals AS t (entity_id, status, members)
    SELECT entity_id, status, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, status) DO UPDATE SET members = t.members + excluded.members;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Dues: COT invoices issued, partly paid or paid, per fiscal year. Open balances: unpaid issued or
-- partly paid invoices per due date (rows with no invoice left are removed). Renewals: a renewal
-- invoice that becomes paid (or stops being paid) moves the `renewed` count of its campaign row.
CREATE FUNCTION membership_invoice_totals_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO membership_dues_totals AS t (entity_id, fiscal_year, invoices, invoiced_cents, collected_cents)
    SELECT entity_id, fiscal_year, count(*), sum(total_incl_tax_cents - credited_cents), sum(paid_cents)
      FROM new_rows WHERE kind = 'invoice' AND series = 'COT' AND fiscal_year IS NOT NULL AND status IN ('issued', 'partially_paid', 'paid')
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, fiscal_year) DO UPDATE
      SET invoices = t.invoices + excluded.invoices, invoiced_cents = t.invoiced_cents + excluded.invoiced_cents, collected_cents = t.collected_cents + excluded.collected_cents;
    INSERT INTO membership_open_balances AS t (entity_id, due_date, invoices, unpaid_cents)
    SELECT entity_id, due_date, count(*), sum(total_incl_tax_cents - paid_cents - credited_cents)
      FROM new_rows WHERE kind = 'invoice' AND due_date IS NOT NULL AND status IN ('issued', 'partially_paid')
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, due_date) DO UPDATE SET invoices = t.invoices + excluded.invoices, unpaid_cents = t.unpaid_cents + excluded.unpaid_cents;
    INSERT INTO membership_renewal_totals AS t (entity_id, year, due, renewed)
    SELECT ri.entity_id, ri.year, 0, count(*)
      FROM new_rows n JOIN renewal_invoices ri ON ri.invoice_id = n.id AND ri.outcome = 'issued'
     WHERE n.status = 'paid'
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, year) DO UPDATE SET renewed = t.renewed + excluded.renewed;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO membership_dues_totals AS t (entity_id, fiscal_year, invoices, invoiced_cents, collected_cents)
    SELECT entity_id, fiscal_year, -count(*), -sum(total_incl_tax_cents - credited_cents), -sum(paid_cents)
      FROM old_rows WHERE kind = 'invoice' AND series = 'COT' AND fiscal_year IS NOT NULL AND status IN ('issued', 'partially_paid', 'paid')
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, fiscal_year) DO UPDATE
      SET invoices = t.invoices + excluded.invoices, invoiced_cents = t.invoiced_cents + excluded.invoiced_cents, collected_cents = t.collected_cents + excluded.collected_cents;
    INSERT INTO membership_open_balances AS t (entity_id, due_date, invoices, unpaid_cents)
    SELECT entity_id, due_date, -count(*), -sum(total_incl_tax_cents - paid_cents - credited_cents)
      FROM old_rows WHERE kind = 'invoice' AND due_date IS NOT NULL AND status IN ('issued', 'partially_paid')
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, due_date) DO UPDATE SET invoices = t.invoices + excluded.invoices, unpaid_cents = t.unpaid_cents + excluded.unpaid_cents;
    INSERT INTO membership_renewal_totals AS t (entity_id, year, due, renewed)
    SELECT ri.entity_id, ri.year, 0, -count(*)
      FROM old_rows o JOIN renewal_invoices ri ON ri.invoice_id = o.id AND ri.outcome = 'issued'
     WHERE o.status = 'paid'
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, year) DO UPDATE SET renewed = t.renewed + excluded.renewed;
    DELETE FROM membership_open_balances b USING (SELECT DISTINCT entity_id, due_date FROM old_rows) o
     WHERE b.entity_id = o.entity_id AND b.due_date = o.due_date AND b.invoices = 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Renewal rows count with the status their invoice has when they are written; later payments are
-- followed by the invoices' trigger. (A renewal row is written in the transaction that issues its
-- invoice, so no other transaction can pay that invoice in between.)
CREATE FUNCTION membership_renewal_totals_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO membership_renewal_totals AS t (entity_id, year, due, renewed)
    SELECT n.entity_id, n.year, count(*), count(*) FILTER (WHERE i.status = 'paid')
      FROM new_rows n LEFT JOIN invoices i ON i.id = n.invoice_id
     WHERE n.outcome = 'issued'
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, year) DO UPDATE SET due = t.due + excluded.due, renewed = t.renewed + excluded.renewed;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO membership_renewal_totals AS t (entity_id, year, due, renewed)
    SELECT o.entity_id, o.year, -count(*), -count(*) FILTER (WHERE i.status = 'paid')
      FROM old_rows o LEFT JOIN invoices i ON i.id = o.invoice_id
     WHERE o.outcome = 'issued'
     GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (entity_id, year) DO UPDATE SET due = t.due + excluded.due, renewed = t.renewed + excluded.renewed;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION membership_totals_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
AS $$
BEGIN
  IF TG_TABLE_NAME = 'memberships' THEN
    DELETE FROM membership_status_totals;
  ELSIF TG_TABLE_NAME = 'invoices' THEN
    DELETE FROM membership_dues_totals;
    DELETE FROM membership_open_balances;
    UPDATE membership_renewal_totals SET renewed = 0;
  ELSE
    DELETE FROM membership_renewal_totals;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER membership_status_totals_insert AFTER INSERT ON memberships REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_status_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_status_totals_update AFTER UPDATE ON memberships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_status_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_status_totals_delete AFTER DELETE ON memberships REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_status_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_status_totals_truncate AFTER TRUNCATE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION membership_totals_truncated();--> statement-breakpoint
CREATE TRIGGER membership_invoice_totals_insert AFTER INSERT ON invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_invoice_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_invoice_totals_update AFTER UPDATE ON invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_invoice_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_invoice_totals_delete AFTER DELETE ON invoices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_invoice_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_invoice_totals_truncate AFTER TRUNCATE ON invoices FOR EACH STATEMENT EXECUTE FUNCTION membership_totals_truncated();--> statement-breakpoint
CREATE TRIGGER membership_renewal_totals_insert AFTER INSERT ON renewal_invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_renewal_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_renewal_totals_update AFTER UPDATE ON renewal_invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_renewal_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_renewal_totals_delete AFTER DELETE ON renewal_invoices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION membership_renewal_totals_follow();--> statement-breakpoint
CREATE TRIGGER membership_renewal_totals_truncate AFTER TRUNCATE ON renewal_invoices FOR EACH STATEMENT EXECUTE FUNCTION membership_totals_truncated();--> statement-breakpoint
-- Existing rows, counted once.
INSERT INTO membership_status_totals (entity_id, status, members)
SELECT entity_id, status, count(*) FROM memberships GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO membership_dues_totals (entity_id, fiscal_year, invoices, invoiced_cents, collected_cents)
SELECT entity_id, fiscal_year, count(*), sum(total_incl_tax_cents - credited_cents), sum(paid_cents)
  FROM invoices WHERE kind = 'invoice' AND series = 'COT' AND fiscal_year IS NOT NULL AND status IN ('issued', 'partially_paid', 'paid')
 GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO membership_open_balances (entity_id, due_date, invoices, unpaid_cents)
SELECT entity_id, due_date, count(*), sum(total_incl_tax_cents - paid_cents - credited_cents)
  FROM invoices WHERE kind = 'invoice' AND due_date IS NOT NULL AND status IN ('issued', 'partially_paid')
 GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO membership_renewal_totals (entity_id, year, due, renewed)
SELECT ri.entity_id, ri.year, count(*), count(*) FILTER (WHERE i.status = 'paid')
  FROM renewal_invoices ri LEFT JOIN invoices i ON i.id = ri.invoice_id
 WHERE ri.outcome = 'issued'
 GROUP BY 1, 2;
