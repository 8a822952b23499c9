import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
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
