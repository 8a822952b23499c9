import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv/read-csv.js';
import { openImportFile, type ImportRow } from '../read-import-file.js';
import { readXlsx } from './read-xlsx.js';

const FIXTURE = fileURLToPath(new URL('../../../../../../../../shared/fixtures/import/adherents-export-excel.csv', import.meta.url));

async function workbookBytes(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Adhérents');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('Notes').addRow(['ignorée']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readAll(bytes: Buffer) {
  const file = await openImportFile(Readable.from([bytes]));
  const rows: ImportRow[] = [];
  for await (const row of file.rows) rows.push(row);
  return { file, rows };
}

describe('XLSX import', () => {
  it('reads the reference export saved as a workbook exactly like its CSV', async () => {
    const records: string[][] = [];
    for await (const record of readCsv(createReadStream(FIXTURE))) records.push(record.fields);
    const fromCsv = await openImportFile(createReadStream(FIXTURE));
    const csvRows: ImportRow[] = [];
    for await (const row of fromCsv.rows) csvRows.push(row);

    const { file, rows } = await readAll(await workbookBytes(records));
    expect(file.format).toBe('xlsx');
    expect(file.encoding).toBeUndefined();
    expect(file.problems).toEqual([]);
    expect(file.mapping).toEqual(fromCsv.mapping);
    // Spreadsheet row numbers differ where the CSV has a record over two lines: compare the content.
    const strip = (row: ImportRow) => (row.ok ? { ok: true, record: row.record } : { ok: false, problems: row.problems });
    expect(rows.map(strip)).toEqual(csvRows.map(strip));
    expect(rows.filter((row) => !row.ok)).toHaveLength(8);
  });

  it('turns typed cells into the text staff typed: dates, numbers, formulas, rich text', async () => {
    const header = ['Raison sociale', 'SIREN', 'Code postal', 'Ville', 'Nom', 'Email', "Date d'adhésion", 'Cotisation'];
    const { rows } = await readAll(
      await workbookBytes([
        header,
        [
          { richText: [{ text: 'Boulangerie ' }, { text: 'Martin', font: { bold: true } }] },
          732829320,
          '45410',
          'Artenay',
          'Martin',
          { text: 'lea@example.fr', hyperlink: 'mailto:lea@example.fr' },
          new Date(Date.UTC(2020, 1, 29)),
          { formula: '1000+250.5', result: 1250.5 },
        ],
      ]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ok: true,
      row: 2,
      record: {
        company: { siren: '732829320', name: 'Boulangerie Martin' },
        contact: { email: { key: 'lea@example.fr' } },
        membership: { joinedOn: '2020-02-29', duesCents: 125_050 },
      },
    });
  });

  it('reads a workbook whose sheet list is stored last every time, not once in a few hundred reads', async () => {
    // exceljs writes `xl/workbook.xml` last, and its streaming reader sometimes lost it (issue #3064):
    // about two reads in a thousand were refused as unreadable. 1,000 reads fail at least once 86 %
    // of the time without the mend. The same race once lost the shared strings in CI (the header
    // read as empty texts): read again, see read-xlsx.ts.
    const bytes = await workbookBytes([
      ['Raison sociale', 'SIREN'],
      ['Bouchonnerie lyonnaise', 552100554],
    ]);
    const reads = new Map<string, number>();
    for (let read = 0; read < 1_000; read++) {
      const records: string[][] = [];
      for await (const record of readXlsx(Readable.from([bytes]))) records.push(record.fields);
      const key = JSON.stringify(records);
      reads.set(key, (reads.get(key) ?? 0) + 1);
    }
    // The header and the company, with their texts (a lost shared-strings entry read them empty), every time.
    expect(Object.fromEntries(reads)).toEqual({ [JSON.stringify([['Raison sociale', 'SIREN'], ['Bouchonnerie lyonnaise', '552100554']])]: 1_000 });
  });

  it('refuses an old .xls workbook and a damaged .xlsx with a French message', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(openImportFile(Readable.from([xls]))).rejects.toMatchObject({ code: 'xls_unsupported', message: expect.stringContaining('.xlsx') });
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    await expect(openImportFile(Readable.from([damaged]))).rejects.toMatchObject({ code: 'xlsx_unreadable' });
  });
});
