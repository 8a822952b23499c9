import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../invoices.schema.js';
import { formatEuros, invoicePdfContent, LATE_PAYMENT_PENALTIES, RECOVERY_INDEMNITY } from './invoice-pdf-content.js';
import { toWinAnsi } from './winansi-text.js';
import { wrapText } from './wrap-text.js';

const party = (name: string, siren: string) => ({ name, siren, address: { street: '12 rue de la République', postalCode: '69002', city: 'Lyon' } });

const NO_PAYMENT_DETAILS = { bankAccount: null, directDebit: null };

function issued(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: '0190f5a0-0000-7000-8000-000000000001',
    entityId: '0190f5a0-0000-7000-8000-000000000002',
    kind: 'invoice',
    series: 'COT',
    number: 'COT-2026-000042',
    status: 'issued',
    organizationId: '0190f5a0-0000-7000-8000-000000000003',
    creditedInvoiceId: null,
    issueDate: '2026-11-29',
    dueDate: '2026-12-31',
    vatRegime: 'outside_scope',
    vatMention: 'TVA non applicable, art. 261 du CGI',
    currency: 'EUR',
    totalExclTaxCents: 123_456_78,
    totalVatCents: 0,
    totalInclTaxCents: 123_456_78,
    paidCents: 0,
    creditedCents: 0,
    balanceCents: 123_456_78,
    issuer: party('Union territoriale du Rhône', '775663438'),
    customer: party('Boulangerie Bellecour', '552100554'),
    lines: [{ position: 1, label: 'Cotisation 2026', quantity: 1, unitAmountCents: 123_456_78, vatRateBasisPoints: 0, totalExclTaxCents: 123_456_78, vatCents: 0 }],
    issuedAt: '2026-11-29T10:00:00.000Z',
    version: 2,
    createdAt: '2026-11-29T09:00:00.000Z',
    updatedAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  };
}

describe('invoice PDF content', () => {
  it('lays out an invoice with the issuer, the customer, French amounts and the legal mentions of a B2B invoice', () => {
    const content = invoicePdfContent(issued(), { issuerUsualName: 'UT Rhône', creditedInvoice: null, payment: NO_PAYMENT_DETAILS });
    expect(content).toMatchObject({
      fileName: 'COT-2026-000042.pdf',
      title: 'FACTURE',
      number: 'COT-2026-000042',
      dates: [["Date d'émission", '29/11/2026'], ["Date d'échéance", '31/12/2026']],
      issuer: { heading: 'UT Rhône', lines: ['Union territoriale du Rhône', '12 rue de la République', '69002 Lyon', 'SIREN : 775663438'] },
      customer: { heading: 'Boulangerie Bellecour', lines: ['12 rue de la République', '69002 Lyon', 'SIREN : 552100554'] },
      reference: null,
    });
    expect(content.columns.map((column) => column.title)).toEqual(['Désignation', 'Quantité', 'Prix unitaire HT', 'Total HT']);
    expect(content.rows).toEqual([['Cotisation 2026', '1', '123\u202f456,78\u00a0€', '123\u202f456,78\u00a0€']]);
    expect(content.totals).toEqual([
      ['Total HT', '123\u202f456,78\u00a0€'],
      ['TVA (non applicable)', '0,00\u00a0€'],
      ['Total TTC à payer', '123\u202f456,78\u00a0€'],
    ]);
    expect(content.mentions).toEqual([
      'TVA non applicable, art. 261 du CGI',
      "Paiement à effectuer au plus tard le 31/12/2026. Pas d'escompte pour paiement anticipé.",
      LATE_PAYMENT_PENALTIES,
      RECOVERY_INDEMNITY,
    ]);
    expect(RECOVERY_INDEMNITY).toContain('40\u00a0€');
    expect(LATE_PAYMENT_PENALTIES).toContain('pénalités de retard');
  });

  it('prints the issuer account for a transfer, and the mandate and creditor identifier of an invoice collected by SEPA direct debit', () => {
    const bankAccount = { iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLYO' };
    const byTransfer = invoicePdfContent(issued(), { issuerUsualName: null, creditedInvoice: null, payment: { bankAccount, directDebit: null } });
    expect(byTransfer.mentions).toContain('Règlement par virement — IBAN : FR14 2004 1010 0505 0001 3M02 606 — BIC : PSSTFRPPLYO.');
    expect(byTransfer.mentions.join(' ')).not.toContain('prélèvement');

    const byDebit = invoicePdfContent(issued(), {
      issuerUsualName: null,
      creditedInvoice: null,
      payment: { bankAccount: { ...bankAccount, bic: null }, directDebit: { mandateReference: 'RUM-69-0001', creditorIdentifier: 'FR72ZZZ123456', debtorIbanLast4: '0189' } },
    });
    expect(byDebit.mentions.slice(2, 4)).toEqual([
      'Règlement par prélèvement SEPA sur le compte se terminant par 0189 — référence unique du mandat (RUM) : RUM-69-0001 — identifiant créancier SEPA (ICS) : FR72ZZZ123456.',
      'Coordonnées bancaires du créancier — IBAN : FR14 2004 1010 0505 0001 3M02 606.',
    ]);
  });

  it('lays out a credit note with the invoice it credits, a VAT column under the standard regime, and no payment terms', () => {
    const creditNote = issued({
      kind: 'credit_note',
      series: 'AV',
      number: 'AV-2026-000003',
      dueDate: null,
      vatRegime: 'standard',
      vatMention: null,
      totalExclTaxCents: 10_000,
      totalVatCents: 550,
      totalInclTaxCents: 10_550,
      lines: [{ position: 1, label: 'Remise', quantity: 1, unitAmountCents: 10_000, vatRateBasisPoints: 550, totalExclTaxCents: 10_000, vatCents: 550 }],
    });
    const content = invoicePdfContent(creditNote, { issuerUsualName: 'Union territoriale du Rhône', creditedInvoice: { number: 'COT-2026-000042', issueDate: '2026-11-02' }, payment: NO_PAYMENT_DETAILS });
    expect(content).toMatchObject({ title: 'AVOIR', fileName: 'AV-2026-000003.pdf', dates: [["Date d'émission", '29/11/2026']], reference: 'Avoir sur la facture n° COT-2026-000042 du 02/11/2026.' });
    expect(content.issuer.heading).toBe('Union territoriale du Rhône');
    expect(content.issuer.lines).not.toContain('Union territoriale du Rhône');
    expect(content.rows).toEqual([['Remise', '1', '100,00\u00a0€', '5,5\u00a0%', '100,00\u00a0€']]);
    expect(content.totals.at(-1)).toEqual(["Total TTC de l'avoir", '105,50\u00a0€']);
    expect(content.mentions.join(' ')).not.toContain('pénalités');
  });

  it('refuses to print a draft', () => {
    expect(() => invoicePdfContent(issued({ status: 'draft', number: null, issueDate: null }), { issuerUsualName: null, creditedInvoice: null, payment: NO_PAYMENT_DETAILS })).toThrow(/not issued/);
  });
});

describe('WinAnsi text', () => {
  it('keeps French characters, turns French number spaces into no-break spaces and replaces what Helvetica cannot draw', async () => {
    expect(toWinAnsi('Émise à Nîmes : œuvre « ça » — 1\u202f234,50\u00a0€')).toBe('Émise à Nîmes : œuvre « ça » — 1\u00a0234,50\u00a0€');
    expect(toWinAnsi(formatEuros(123_456_78))).toBe('123\u00a0456,78\u00a0€');
    expect(toWinAnsi('Łódź Dvořák 株式会社 🙂\nligne')).toBe('?ódz Dvorák ???? ? ligne');

    // Every character, once mapped, is one the standard font encodes (pdf-lib throws otherwise).
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const everything = Array.from({ length: 0x2fff }, (_, code) => String.fromCodePoint(code + 1)).join('');
    expect(() => font.widthOfTextAtSize(toWinAnsi(everything), 10)).not.toThrow();
  });

  it('wraps at ordinary spaces, keeps no-break spaces together and cuts a word longer than a line', () => {
    const measure = (text: string) => text.length;
    expect(wrapText('Cotisation annuelle 2026 adhérent', 12, measure)).toEqual(['Cotisation', 'annuelle', '2026', 'adhérent']);
    expect(wrapText('total 1\u00a0234,50\u00a0€', 12, measure)).toEqual(['total', '1\u00a0234,50\u00a0€']);
    expect(wrapText('abcdefghijklmnop', 5, measure)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
    expect(wrapText('', 5, measure)).toEqual(['']);
  });
});
