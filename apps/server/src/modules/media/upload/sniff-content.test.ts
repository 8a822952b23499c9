import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sniffContent } from './sniff-content.js';

describe('content sniffing', () => {
  it('recognises an XLSX workbook from its bytes, whatever its declared name case', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Adhérents').addRow(['Nom', 'Ville']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await sniffContent(content, 'Cotisations 2026.XLSX')).toEqual({ kind: 'file', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' });
    await expect(sniffContent(content, 'cotisations.csv')).rejects.toMatchObject({ status: 422, code: 'media_extension_mismatch' });
  });

  it('takes UTF-8 text as TXT or CSV, and refuses other encodings and markup', async () => {
    expect(await sniffContent(Buffer.from('\ufeffnom;ville\nDurand;Lyon'), 'liste.csv')).toMatchObject({ mimeType: 'text/csv', extension: 'csv' });
    expect(await sniffContent(Buffer.from('Compte rendu'), 'notes')).toMatchObject({ mimeType: 'text/plain', extension: 'txt' });
    await expect(sniffContent(Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'latin1.txt')).rejects.toMatchObject({ status: 415, code: 'media_type_not_allowed' });
    await expect(sniffContent(Buffer.from('  <?xml version="1.0"?><svg/>'), 'dessin.txt')).rejects.toMatchObject({ status: 415, code: 'media_markup_refused' });
    await expect(sniffContent(Buffer.from('titre\n<script>alert(1)</script>'), 'notes.txt')).rejects.toMatchObject({ code: 'media_markup_refused' });
  });
});
