import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { AppError, NotFoundError } from '../../../platform/http/errors.js';
import { INVOICE_PERMISSIONS } from '../invoicing/permissions.js';
import { documentEntry, paymentEntry, type IssuedDocument, type ReceivedPayment } from './fec-entries.js';
import { fecFileName, renderFec } from './fec-format.js';

export class EntityWithoutSirenError extends AppError {
  constructor() {
    super('entity_without_siren', 422, 'Entity without SIREN', "Cette structure n'a pas de SIREN : le fichier des écritures comptables porte le SIREN dans son nom. Renseignez-le d'abord.");
  }
}

async function documentsOf(tx: Tx, entityId: string, year: number): Promise<IssuedDocument[]> {
  const { rows } = await tx.client.query<IssuedDocument>(
    `SELECT kind, number, to_char(issue_date, 'YYYY-MM-DD') AS "issueDate", vat_regime AS "vatRegime", customer_siren AS "customerSiren",
       customer_name AS "customerName", total_excl_tax_cents AS "totalExclTaxCents", total_vat_cents AS "totalVatCents", total_incl_tax_cents AS "totalInclTaxCents"
     FROM invoices
     WHERE entity_id = $1 AND status <> 'draft' AND fiscal_year = $2
     ORDER BY issue_date, issued_at, number`,
    [entityId, year],
  );
  return rows;
}

/** Payments received in the year, and the reversals (rejected debits) recorded in the year, by date. */
async function paymentsOf(tx: Tx, entityId: string, year: number): Promise<ReceivedPayment[]> {
  const { rows } = await tx.client.query<ReceivedPayment>(
    `SELECT * FROM (
       SELECT to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn", to_char(p.created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS "recordedOn",
         p.amount_cents AS "amountCents", p.method, p.reference, NULL AS "reversalReasonCode", i.number AS "invoiceNumber",
         i.customer_siren AS "customerSiren", i.customer_name AS "customerName", p.created_at AS "sortedAt", p.id AS "sortId"
       FROM payments p JOIN invoices i ON i.id = p.invoice_id
       WHERE p.entity_id = $1 AND p.paid_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
       UNION ALL
       SELECT to_char(r.reversed_on, 'YYYY-MM-DD'), to_char(r.created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD'),
         p.amount_cents, p.method, p.reference, r.reason_code, i.number, i.customer_siren, i.customer_name, r.created_at, r.id
       FROM payment_reversals r JOIN payments p ON p.id = r.payment_id JOIN invoices i ON i.id = p.invoice_id
       WHERE r.entity_id = $1 AND r.reversed_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
     ) movements
     ORDER BY "paidOn", "sortedAt", "sortId"`,
    [entityId, year],
  );
  return rows;
}

/**
 * The FEC of one entity for a calendar fiscal year: the sales journal (invoices and credit notes
 * issued that year) then the bank journal (payments received and rejected debits reversed that year), each entry balanced.
 */
export async function exportFec(
  database: Database,
  actor: { principal: Principal; audit: AuditActor },
  entityId: string,
  year: number,
): Promise<{ fileName: string; content: string }> {
  if (!actor.principal.holdsOn(INVOICE_PERMISSIONS.read, entityId)) throw new NotFoundError('Entity');
  const scope = { kind: 'entities' as const, entityRoots: [entityId], userId: actor.principal.userId };
  return withTransaction(database, scope, async (tx) => {
    const { rows } = await tx.client.query<{ siren: string | null }>('SELECT siren FROM entities WHERE id = $1', [entityId]);
    if (!rows[0]) throw new NotFoundError('Entity');
    if (!rows[0].siren) throw new EntityWithoutSirenError();
    const documents = await documentsOf(tx, entityId, year);
    const payments = await paymentsOf(tx, entityId, year);
    const lines = [
      ...documents.flatMap(documentEntry),
      ...payments.flatMap((payment, index) => paymentEntry(payment, `BQ-${year}-${String(index + 1).padStart(6, '0')}`)),
    ];
    await recordAudit(tx, {
      action: 'membership.fec.exported',
      resourceType: 'entity',
      resourceId: entityId,
      entityId,
      after: { year, lines: lines.length },
      actor: actor.audit,
    });
    return { fileName: fecFileName(rows[0].siren, `${year}-12-31`), content: renderFec(lines) };
  });
}
