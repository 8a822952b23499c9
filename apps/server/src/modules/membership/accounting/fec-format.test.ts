import { describe, expect, it } from 'vitest';
import { documentEntry } from './fec-entries.js';
import { fecAmount, fecDate, fecFileName } from './fec-format.js';

describe('FEC format', () => {
  it('writes amounts with a decimal comma, dates as YYYYMMDD and the regulatory file name', () => {
    expect([fecAmount(0), fecAmount(5), fecAmount(48_000), fecAmount(-1_234)]).toEqual(['0,00', '0,05', '480,00', '-12,34']);
    expect(fecDate('2026-03-07')).toBe('20260307');
    expect(fecFileName('775663438', '2026-12-31')).toBe('775663438FEC20261231.txt');
  });

  it('reverses the sides of a credit note', () => {
    const document = {
      number: 'AV-2026-000001',
      issueDate: '2026-03-07',
      vatRegime: 'standard' as const,
      customerSiren: '552100554',
      customerName: 'Client',
      totalExclTaxCents: 1_000,
      totalVatCents: 200,
      totalInclTaxCents: 1_200,
    };
    const sides = (kind: 'invoice' | 'credit_note') => documentEntry({ ...document, kind }).map((line) => [line.compteNum, line.debitCents, line.creditCents]);
    expect(sides('invoice')).toEqual([['411000', 1_200, 0], ['706000', 0, 1_000], ['445710', 0, 200]]);
    expect(sides('credit_note')).toEqual([['411000', 0, 1_200], ['706000', 1_000, 0], ['445710', 200, 0]]);
  });
});
