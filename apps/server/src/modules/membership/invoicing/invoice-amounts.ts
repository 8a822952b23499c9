import type { InvoiceStatus } from './invoicing.tables.js';

export interface LineInput {
  label: string;
  quantity: number;
  unitAmountCents: number;
  vatRateBasisPoints: number;
}

export interface PricedLine extends LineInput {
  totalExclTaxCents: number;
  vatCents: number;
}

export interface InvoiceTotals {
  totalExclTaxCents: number;
  totalVatCents: number;
  totalInclTaxCents: number;
}

/** VAT is rounded per line, half away from zero, as most French invoicing software prints it. */
export function priceLine(line: LineInput): PricedLine {
  const totalExclTaxCents = line.quantity * line.unitAmountCents;
  const vatCents = Math.sign(totalExclTaxCents) * Math.round((Math.abs(totalExclTaxCents) * line.vatRateBasisPoints) / 10_000);
  return { ...line, totalExclTaxCents, vatCents };
}

export function totalsOf(lines: readonly PricedLine[]): InvoiceTotals {
  const totalExclTaxCents = lines.reduce((sum, line) => sum + line.totalExclTaxCents, 0);
  const totalVatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  return { totalExclTaxCents, totalVatCents, totalInclTaxCents: totalExclTaxCents + totalVatCents };
}

/** What remains to be collected on an issued invoice. */
export function balanceOf(invoice: { totalInclTaxCents: number; paidCents: number; creditedCents: number }): number {
  return invoice.totalInclTaxCents - invoice.paidCents - invoice.creditedCents;
}

/**
 * The status of an issued invoice from what settled it: wholly credited → cancelled, nothing left
 * to collect → paid, something collected → partially paid.
 */
export function settlementStatus(invoice: { totalInclTaxCents: number; paidCents: number; creditedCents: number }): InvoiceStatus {
  if (invoice.creditedCents >= invoice.totalInclTaxCents) return 'cancelled';
  if (balanceOf(invoice) <= 0) return 'paid';
  if (invoice.paidCents > 0) return 'partially_paid';
  return 'issued';
}

/** `COT-2026-000123`: series, fiscal year, then the sequence on six digits. */
export function formatInvoiceNumber(series: string, fiscalYear: number, sequence: number): string {
  return `${series}-${fiscalYear}-${String(sequence).padStart(6, '0')}`;
}
