import type { FecLine } from './fec-format.js';

// The default chart of accounts of the network (PCG / associations' plan): configurable per entity later.
export const ACCOUNTS = {
  customers: { num: '411000', lib: 'Clients - adhérents' },
  dues: { num: '756000', lib: 'Cotisations' },
  services: { num: '706000', lib: 'Prestations de services' },
  vatCollected: { num: '445710', lib: 'TVA collectée' },
  bank: { num: '512000', lib: 'Banque' },
} as const;

const SALES = { code: 'VE', lib: 'Journal des ventes' };
const BANK = { code: 'BQ', lib: 'Journal de banque' };

export interface IssuedDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  vatRegime: 'outside_scope' | 'standard';
  customerSiren: string;
  customerName: string;
  totalExclTaxCents: number;
  totalVatCents: number;
  totalInclTaxCents: number;
}

export interface ReceivedPayment {
  paidOn: string;
  recordedOn: string;
  amountCents: number;
  method: string;
  reference: string | null;
  /** Set for the reversal of a payment the bank took back (rejected SEPA debit): the sides swap. */
  reversalReasonCode: string | null;
  invoiceNumber: string;
  customerSiren: string;
  customerName: string;
}

const METHOD_LABELS: Record<string, string> = { transfer: 'virement', cheque: 'chèque', card: 'carte', sepa_debit: 'prélèvement SEPA' };

/**
 * One balanced entry per invoice or credit note (sales journal): the customer's account against the
 * income and VAT accounts; a credit note reverses them. The invoice number is the entry number.
 */
export function documentEntry(document: IssuedDocument): FecLine[] {
  const isCredit = document.kind === 'credit_note';
  const income = document.vatRegime === 'outside_scope' ? ACCOUNTS.dues : ACCOUNTS.services;
  const label = `${isCredit ? 'Avoir' : 'Facture'} ${document.number} ${document.customerName}`;
  const base = {
    journalCode: SALES.code,
    journalLib: SALES.lib,
    ecritureNum: document.number,
    ecritureDate: document.issueDate,
    pieceRef: document.number,
    pieceDate: document.issueDate,
    ecritureLib: label,
    validDate: document.issueDate,
  };
  const side = (amount: number, debit: boolean) => (debit !== isCredit ? { debitCents: amount, creditCents: 0 } : { debitCents: 0, creditCents: amount });
  const lines: FecLine[] = [
    { ...base, compteNum: ACCOUNTS.customers.num, compteLib: ACCOUNTS.customers.lib, compAuxNum: `C${document.customerSiren}`, compAuxLib: document.customerName, ...side(document.totalInclTaxCents, true) },
    { ...base, compteNum: income.num, compteLib: income.lib, compAuxNum: '', compAuxLib: '', ...side(document.totalExclTaxCents, false) },
  ];
  if (document.totalVatCents !== 0) {
    lines.push({ ...base, compteNum: ACCOUNTS.vatCollected.num, compteLib: ACCOUNTS.vatCollected.lib, compAuxNum: '', compAuxLib: '', ...side(document.totalVatCents, false) });
  }
  return lines;
}

/**
 * One balanced entry per payment received (bank journal): bank against the customer's account; a
 * reversed payment (rejected debit) is a second entry the other way round.
 */
export function paymentEntry(payment: ReceivedPayment, entryNumber: string): FecLine[] {
  const reversed = payment.reversalReasonCode !== null;
  const label = `Règlement ${METHOD_LABELS[payment.method] ?? payment.method} ${payment.invoiceNumber} ${payment.customerName}`;
  const base = {
    journalCode: BANK.code,
    journalLib: BANK.lib,
    ecritureNum: entryNumber,
    ecritureDate: payment.paidOn,
    pieceRef: payment.reference ?? payment.invoiceNumber,
    pieceDate: payment.paidOn,
    ecritureLib: reversed ? `Rejet ${payment.reversalReasonCode} — ${label}` : label,
    validDate: payment.recordedOn,
  };
  const amount = payment.amountCents;
  const [bankSide, customerSide] = reversed ? [{ debitCents: 0, creditCents: amount }, { debitCents: amount, creditCents: 0 }] : [{ debitCents: amount, creditCents: 0 }, { debitCents: 0, creditCents: amount }];
  return [
    { ...base, compteNum: ACCOUNTS.bank.num, compteLib: ACCOUNTS.bank.lib, compAuxNum: '', compAuxLib: '', ...bankSide },
    { ...base, compteNum: ACCOUNTS.customers.num, compteLib: ACCOUNTS.customers.lib, compAuxNum: `C${payment.customerSiren}`, compAuxLib: payment.customerName, ...customerSide },
  ];
}
