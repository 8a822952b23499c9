import type { Tx } from '../../../../platform/db/index.js';

/** How an invoice is to be paid, as its PDF prints it. */
export interface InvoicePaymentDetails {
  /** The issuing entity's account (its SEPA creditor account), for payment by transfer. */
  bankAccount: { iban: string; bic: string | null } | null;
  /** Set when the invoice is collected by SEPA direct debit: the mandate (RUM) and the creditor identifier (ICS). */
  directDebit: { mandateReference: string; creditorIdentifier: string; debtorIbanLast4: string } | null;
}

/**
 * The bank details printed on an invoice: the issuer's creditor account, and the mandate the invoice
 * is (or will be) collected under — the one of its batch item if it was collected, else the
 * customer's active mandate with the issuer. A rejected collection no longer counts.
 */
export async function invoicePaymentDetails(tx: Tx, invoice: { id: string; entityId: string; organizationId: string }): Promise<InvoicePaymentDetails> {
  const { rows: creditors } = await tx.client.query<{ iban: string; bic: string | null; creditorIdentifier: string }>(
    'SELECT iban, bic, creditor_identifier AS "creditorIdentifier" FROM sepa_creditors WHERE entity_id = $1',
    [invoice.entityId],
  );
  const creditor = creditors[0];
  if (!creditor) return { bankAccount: null, directDebit: null };
  const { rows: mandates } = await tx.client.query<{ reference: string; ibanLast4: string }>(
    `SELECT m.reference, m.iban_last4 AS "ibanLast4"
       FROM sepa_mandates m
      WHERE m.id = coalesce(
              (SELECT b.mandate_id FROM sepa_batch_items b WHERE b.invoice_id = $1 AND b.status <> 'rejected'),
              (SELECT a.id FROM sepa_mandates a WHERE a.entity_id = $2 AND a.organization_id = $3 AND a.status = 'active'))`,
    [invoice.id, invoice.entityId, invoice.organizationId],
  );
  const mandate = mandates[0];
  return {
    bankAccount: { iban: creditor.iban, bic: creditor.bic },
    directDebit: mandate ? { mandateReference: mandate.reference, creditorIdentifier: creditor.creditorIdentifier, debtorIbanLast4: mandate.ibanLast4 } : null,
  };
}
