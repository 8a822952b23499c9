import { create } from 'xmlbuilder2';
import type { SequenceType } from './sepa.tables.js';

export const PAIN_008_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02';

export interface Pain008Creditor {
  name: string;
  creditorIdentifier: string;
  iban: string;
  bic: string | null;
}

export interface Pain008Transaction {
  endToEndId: string;
  amountCents: number;
  sequenceType: SequenceType;
  mandateReference: string;
  mandateSignatureDate: string;
  debtorName: string;
  /** Decrypted for the file only. */
  debtorIban: string;
  debtorBic: string | null;
  remittanceInformation: string;
}

export interface Pain008Input {
  messageId: string;
  createdAt: Date;
  collectionDate: string;
  creditor: Pain008Creditor;
  transactions: readonly Pain008Transaction[];
}

/** Integer cents as the decimal euros ISO 20022 expects ("1234.50"), without floating-point rounding. */
export function centsToDecimal(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Banks accept only the SEPA basic Latin character set: accents are dropped (é → e) and other
 * characters become spaces, cut to the field's maximum length.
 */
export function sepaText(value: string, maxLength: number): string {
  const latin = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return latin.replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, maxLength);
}

const sumOf = (transactions: readonly Pain008Transaction[]) => transactions.reduce((sum, transaction) => sum + transaction.amountCents, 0);
const agent = (bic: string | null) => (bic ? { FinInstnId: { BIC: bic } } : { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } });

/** A pain.008.001.02 CORE direct-debit initiation: one payment information block per sequence type. */
export function buildPain008(input: Pain008Input): string {
  const bySequence = new Map<SequenceType, Pain008Transaction[]>();
  for (const transaction of input.transactions) bySequence.set(transaction.sequenceType, [...(bySequence.get(transaction.sequenceType) ?? []), transaction]);
  const creditorName = sepaText(input.creditor.name, 70);

  const paymentInformation = [...bySequence].map(([sequenceType, transactions]) => ({
    PmtInfId: `${input.messageId.slice(0, 30)}-${sequenceType}`,
    PmtMtd: 'DD',
    NbOfTxs: String(transactions.length),
    CtrlSum: centsToDecimal(sumOf(transactions)),
    PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: sequenceType },
    ReqdColltnDt: input.collectionDate,
    Cdtr: { Nm: creditorName },
    CdtrAcct: { Id: { IBAN: input.creditor.iban } },
    CdtrAgt: agent(input.creditor.bic),
    ChrgBr: 'SLEV',
    CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: input.creditor.creditorIdentifier, SchmeNm: { Prtry: 'SEPA' } } } } },
    DrctDbtTxInf: transactions.map((transaction) => ({
      PmtId: { EndToEndId: sepaText(transaction.endToEndId, 35) },
      InstdAmt: { '@Ccy': 'EUR', '#': centsToDecimal(transaction.amountCents) },
      DrctDbtTx: { MndtRltdInf: { MndtId: transaction.mandateReference, DtOfSgntr: transaction.mandateSignatureDate } },
      DbtrAgt: agent(transaction.debtorBic),
      Dbtr: { Nm: sepaText(transaction.debtorName, 70) },
      DbtrAcct: { Id: { IBAN: transaction.debtorIban } },
      RmtInf: { Ustrd: sepaText(transaction.remittanceInformation, 140) },
    })),
  }));

  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele(PAIN_008_NAMESPACE, 'Document')
    .ele({
      CstmrDrctDbtInitn: {
        GrpHdr: {
          MsgId: input.messageId,
          CreDtTm: input.createdAt.toISOString().slice(0, 19),
          NbOfTxs: String(input.transactions.length),
          CtrlSum: centsToDecimal(sumOf(input.transactions)),
          InitgPty: { Nm: creditorName },
        },
        PmtInf: paymentInformation,
      },
    })
    .doc()
    .end({ prettyPrint: true });
}
