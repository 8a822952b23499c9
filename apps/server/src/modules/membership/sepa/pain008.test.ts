import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { pain008Problems } from '../../../test/pain008-conformance.js';
import { buildPain008, centsToDecimal, sepaText } from './pain008.js';

describe('pain.008 builder', () => {
  it('formats cents as decimal euros and keeps names to the SEPA character set', () => {
    expect(centsToDecimal(123_450)).toBe('1234.50');
    expect(centsToDecimal(5)).toBe('0.05');
    expect(sepaText('Société Générale & Fils <Lyon>', 70)).toBe('Societe Generale Fils Lyon');
  });

  it('builds a namespaced document whose group header sums every payment block', () => {
    const xml = buildPain008({
      messageId: 'MSG1',
      createdAt: new Date('2026-11-29T10:00:00Z'),
      collectionDate: '2026-12-10',
      creditor: { name: 'Union du Rhône', creditorIdentifier: 'FR72ZZZ123456', iban: 'FR7630006000011234567890189', bic: null },
      transactions: [
        { endToEndId: 'COT-2026-000001', amountCents: 30_000, sequenceType: 'FRST', mandateReference: 'RUM-1', mandateSignatureDate: '2026-01-01', debtorName: 'Garage', debtorIban: 'DE89370400440532013000', debtorBic: null, remittanceInformation: 'Facture COT-2026-000001' },
        { endToEndId: 'COT-2026-000002', amountCents: 1_005, sequenceType: 'RCUR', mandateReference: 'RUM-2', mandateSignatureDate: '2026-01-01', debtorName: 'Boulangerie', debtorIban: 'FR7630006000011234567890189', debtorBic: 'BNPAFRPPXXX', remittanceInformation: 'Facture COT-2026-000002' },
      ],
    });
    const document = create(xml).end({ format: 'object' }) as { Document: { '@xmlns': string; CstmrDrctDbtInitn: { GrpHdr: Record<string, string>; PmtInf: Array<Record<string, unknown>> } } };
    expect(document.Document['@xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    expect(document.Document.CstmrDrctDbtInitn.GrpHdr).toMatchObject({ MsgId: 'MSG1', NbOfTxs: '2', CtrlSum: '310.05', CreDtTm: '2026-11-29T10:00:00' });
    expect(document.Document.CstmrDrctDbtInitn.PmtInf.map((block) => [block.NbOfTxs, block.CtrlSum])).toEqual([
      ['1', '300.00'],
      ['1', '10.05'],
    ]);
  });
});

describe('pain.008 conformance', () => {
  const input = {
    messageId: '0190F5A000007000800000000000001',
    createdAt: new Date('2026-11-29T10:00:00Z'),
    collectionDate: '2026-12-10',
    creditor: { name: 'Union du Rhône', creditorIdentifier: 'FR72ZZZ123456', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLYO' },
    transactions: [
      { endToEndId: 'COT-2026-000001', amountCents: 30_000, sequenceType: 'FRST' as const, mandateReference: 'RUM-1', mandateSignatureDate: '2026-01-01', debtorName: 'Garage « Bellecour » & fils', debtorIban: 'DE89370400440532013000', debtorBic: null, remittanceInformation: 'Facture COT-2026-000001' },
      { endToEndId: 'COT-2026-000002', amountCents: 1_005, sequenceType: 'RCUR' as const, mandateReference: 'RUM-2', mandateSignatureDate: '2026-01-01', debtorName: 'Boulangerie', debtorIban: 'FR7630006000011234567890189', debtorBic: 'BNPAFRPPXXX', remittanceInformation: 'Facture COT-2026-000002' },
      { endToEndId: 'COT-2026-000003', amountCents: 99, sequenceType: 'RCUR' as const, mandateReference: 'RUM-3', mandateSignatureDate: '2025-06-30', debtorName: 'Traiteur', debtorIban: 'FR7630006000011234567890189', debtorBic: null, remittanceInformation: 'Facture COT-2026-000003' },
    ],
  };

  it('writes every element the pain.008.001.02 schema requires, in its order, with valid values and sums', () => {
    expect(pain008Problems(buildPain008(input))).toEqual([]);
  });

  it('catches what a bank would reject: a missing element, a wrong sum, a bad amount', () => {
    const xml = buildPain008(input);
    expect(pain008Problems(xml.replace(/<ReqdColltnDt>[^<]*<\/ReqdColltnDt>/g, ''))).toContain('Document/CstmrDrctDbtInitn/PmtInf: missing ReqdColltnDt');
    expect(pain008Problems(xml.replace('<CtrlSum>311.04</CtrlSum>', '<CtrlSum>311.05</CtrlSum>'))).toContain('GrpHdr: CtrlSum');
    expect(pain008Problems(xml.replace('Ccy="EUR">300.00<', 'Ccy="EUR">300.0<')).join('\n')).toMatch(/InstdAmt: "300.0" does not match/);
  });
});
