import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import type { Invoice } from '../invoicing/invoices.schema.js';
import { FEC_FIELDS } from './fec-format.js';

const cents = (amount: string) => Number(amount.replace(',', ''));

describe('FEC export', () => {
  let n: CrmTestNetwork;
  let company: string;
  let year: number;

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('fec');
    company = await insertCompany(n.database, 'Menuiserie\tdu Vieux-Lyon');
  });
  afterAll(() => n.t.close());

  const issued = async (body: Record<string, unknown>): Promise<Invoice> => {
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: company, dueDate: '2027-01-31', ...body });
    expect(created.statusCode, created.body).toBe(201);
    const response = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${created.json<Invoice>().id}/issue`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Invoice>();
  };

  it('writes the 18 fields in order, tab-separated, with balanced entries, named after the SIREN and closing date', async () => {
    const dues = await issued({ lines: [{ label: 'Cotisation', quantity: 1, unitAmountCents: 48_000 }] });
    year = Number(dues.issueDate!.slice(0, 4));
    const training = await issued({ vatRegime: 'standard', lines: [{ label: 'Formation', quantity: 3, unitAmountCents: 3_333, vatRateBasisPoints: 2_000 }] });
    const credit = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${training.id}/credit-notes`, {});
    expect(credit.statusCode, credit.body).toBe(201);
    const paid = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${dues.id}/payments`, { method: 'transfer', amountCents: 20_000, paidOn: dues.issueDate });
    expect(paid.statusCode, paid.body).toBe(201);

    const response = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/entities/${n.ids['69']}/fec?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="775663438FEC${year}1231.txt"`);
    const [header, ...lines] = response.body.split('\r\n').filter((line) => line !== '');
    expect(header!.split('\t')).toEqual([...FEC_FIELDS]);
    expect(lines.length).toBe(2 + 3 + 3 + 2); // dues, invoice with VAT, its credit note, one payment
    const rows = lines.map((line) => line.split('\t'));
    for (const row of rows) expect(row).toHaveLength(18);

    const debit = (row: string[]) => cents(row[11]!);
    const credit_ = (row: string[]) => cents(row[12]!);
    expect(rows.reduce((sum, row) => sum + debit(row), 0)).toBe(rows.reduce((sum, row) => sum + credit_(row), 0));
    for (const entry of new Set(rows.map((row) => row[2]))) {
      const entryRows = rows.filter((row) => row[2] === entry);
      expect(entryRows.reduce((sum, row) => sum + debit(row) - credit_(row), 0), `entry ${entry}`).toBe(0);
    }

    const duesRows = rows.filter((row) => row[2] === dues.number);
    expect(duesRows.map((row) => [row[0], row[3], row[4], row[6], row[11], row[12]])).toEqual([
      ['VE', dues.issueDate!.replaceAll('-', ''), '411000', `C${dues.customer!.siren}`, '480,00', '0,00'],
      ['VE', dues.issueDate!.replaceAll('-', ''), '756000', '', '0,00', '480,00'],
    ]);
    // The tab in the company's name does not break the columns.
    expect(duesRows[0]![7]).toBe('Menuiserie du Vieux-Lyon');
    const vatRow = rows.find((row) => row[2] === training.number && row[4] === '445710')!;
    expect([vatRow[11], vatRow[12]]).toEqual(['0,00', '20,00']);
    const bankRows = rows.filter((row) => row[0] === 'BQ');
    expect(bankRows.map((row) => [row[2], row[4], row[11], row[12]])).toEqual([
      [`BQ-${year}-000001`, '512000', '200,00', '0,00'],
      [`BQ-${year}-000001`, '411000', '0,00', '200,00'],
    ]);
  });

  it('answers 404 for another branch, 422 without SIREN, and an empty journal for a year without entries', async () => {
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/entities/${n.ids['69']}/fec?year=${year}`)).statusCode).toBe(404);
    const noSiren = await n.call(n.staff.region, 'GET', `/api/v1/entities/${n.ids.R84}/fec?year=${year}`);
    expect(noSiren.statusCode).toBe(422);
    expect(noSiren.json().code).toBe('entity_without_siren');
    const empty = await n.call(n.staff.paris, 'GET', `/api/v1/entities/${n.ids['75']}/fec?year=2001`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toBe(`${FEC_FIELDS.join('\t')}\r\n`);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/entities/${n.ids['69']}/fec`)).statusCode).toBe(400);
  });
});
