import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfPagesText } from '../../../../test/pdf-text.js';
import type { InvoicePdfContent } from './invoice-pdf-content.js';
import { renderInvoicePdf } from './invoice-pdf-renderer.js';

function content(rowCount: number, label = 'Cotisation 2026'): InvoicePdfContent {
  return {
    fileName: 'COT-2026-000007.pdf',
    title: 'FACTURE',
    number: 'COT-2026-000007',
    dates: [["Date d'émission", '29/11/2026']],
    issuer: { heading: 'Union territoriale du Rhône', lines: ['69002 Lyon', 'SIREN : 775663438'] },
    customer: { heading: 'Société Œnologie Dvořák 株式会社', lines: ['SIREN : 552100554'] },
    reference: null,
    columns: [
      { title: 'Désignation', align: 'left', width: 0.52 },
      { title: 'Quantité', align: 'right', width: 0.12 },
      { title: 'Prix unitaire HT', align: 'right', width: 0.18 },
      { title: 'Total HT', align: 'right', width: 0.18 },
    ],
    rows: Array.from({ length: rowCount }, (_, index) => [`${label} n° ${index + 1}`, '1', '10,00\u00a0€', '10,00\u00a0€']),
    totals: [['Total TTC à payer', '1\u202f000,00\u00a0€']],
    mentions: ['TVA non applicable, art. 261 du CGI'],
    footer: 'Union territoriale du Rhône · SIREN 775663438 · Facture n° COT-2026-000007',
  };
}

describe('invoice PDF renderer', () => {
  it('draws an A4 page with the metadata of the document and maps characters Helvetica lacks', async () => {
    const bytes = await renderInvoicePdf(content(2), new Date('2026-11-29T10:00:00Z'));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBe(1);
    expect(document.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(document.getTitle()).toBe('Facture COT-2026-000007');
    expect(document.getCreationDate()?.toISOString()).toBe('2026-11-29T10:00:00.000Z');
    const [page] = await pdfPagesText(bytes);
    expect(page).toContain('Société Œnologie Dvorák ????');
    expect(page).toContain('1\u00a0000,00\u00a0€');
    expect(page).toContain('Page 1 / 1');
  });

  it('wraps long designations and continues the table on new pages with its header and a footer on each', async () => {
    const long = 'Cotisation annuelle au titre de l’adhésion à l’union territoriale, services juridiques et sociaux compris';
    const pages = await pdfPagesText(await renderInvoicePdf(content(60, long), new Date('2026-11-29T10:00:00Z')));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((lines, index) => {
      expect(lines).toContain('Désignation');
      expect(lines).toContain(`Page ${index + 1} / ${pages.length}`);
    });
    const all = pages.flat();
    // Every row is printed once, its designation broken over several lines.
    expect(all.filter((line) => line.startsWith('Cotisation annuelle au titre'))).toHaveLength(60);
    expect(all.filter((line) => line.endsWith('n° 60'))).toHaveLength(1);
    expect(pages.at(-1)).toContain('TVA non applicable, art. 261 du CGI');
  });
});
