import { describe, expect, it } from 'vitest';
import { balanceOf, formatInvoiceNumber, priceLine, settlementStatus, totalsOf } from './invoice-amounts.js';

describe('invoice amounts', () => {
  it('prices lines in cents with VAT rounded per line', () => {
    const line = priceLine({ label: 'Adhésion', quantity: 3, unitAmountCents: 1_999, vatRateBasisPoints: 2_000 });
    expect(line.totalExclTaxCents).toBe(5_997);
    expect(line.vatCents).toBe(1_199); // 1199.4 rounded
    const totals = totalsOf([line, priceLine({ label: 'Cotisation', quantity: 1, unitAmountCents: 50_000, vatRateBasisPoints: 0 })]);
    expect(totals).toEqual({ totalExclTaxCents: 55_997, totalVatCents: 1_199, totalInclTaxCents: 57_196 });
  });

  it('derives the settlement status and the balance', () => {
    const invoice = { totalInclTaxCents: 10_000, paidCents: 0, creditedCents: 0 };
    expect(settlementStatus(invoice)).toBe('issued');
    expect(settlementStatus({ ...invoice, paidCents: 4_000 })).toBe('partially_paid');
    expect(balanceOf({ ...invoice, paidCents: 4_000 })).toBe(6_000);
    expect(settlementStatus({ ...invoice, paidCents: 4_000, creditedCents: 6_000 })).toBe('paid');
    expect(settlementStatus({ ...invoice, creditedCents: 10_000 })).toBe('cancelled');
  });

  it('formats numbers with the series, the year and six digits', () => {
    expect(formatInvoiceNumber('COT', 2026, 123)).toBe('COT-2026-000123');
  });
});
