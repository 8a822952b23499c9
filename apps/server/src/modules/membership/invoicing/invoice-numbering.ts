import type { Tx } from '../../../platform/db/index.js';
import { formatInvoiceNumber } from './invoice-amounts.js';

export interface InvoiceNumber {
  fiscalYear: number;
  sequence: number;
  number: string;
  /** The issue date (Europe/Paris calendar day of the issuing transaction). */
  issueDate: string;
}

/**
 * Takes the next number of a series for the issuing entity, INSIDE the issuing transaction. The
 * upsert increments the counter row and keeps it locked until COMMIT: concurrent issuers of the same
 * series queue behind it, so numbers follow commit order, and a rollback returns the number with the
 * rest of the transaction — no gap, no duplicate (ADR 0013). Call it last, after every check that
 * could fail, so that the lock is held for as short a time as possible.
 */
export async function takeInvoiceNumber(tx: Tx, entityId: string, series: string): Promise<InvoiceNumber> {
  const { rows } = await tx.client.query<{ fiscal_year: number; last_number: number; issue_date: string }>(
    `WITH today AS (SELECT (now() AT TIME ZONE 'Europe/Paris')::date AS day)
     INSERT INTO invoice_number_counters AS c (entity_id, series, fiscal_year, last_number)
     SELECT $1, $2, extract(year FROM day)::int, 1 FROM today
     ON CONFLICT (entity_id, series, fiscal_year) DO UPDATE SET last_number = c.last_number + 1
     RETURNING c.fiscal_year, c.last_number, (SELECT to_char(day, 'YYYY-MM-DD') FROM today) AS issue_date`,
    [entityId, series],
  );
  const row = rows[0]!;
  return { fiscalYear: row.fiscal_year, sequence: row.last_number, number: formatInvoiceNumber(series, row.fiscal_year, row.last_number), issueDate: row.issue_date };
}
