import { friendlyFormatIBAN } from 'ibantools';
import type { InvoicePaymentDetails } from './invoice-payment-details.js';
import type { Invoice } from '../invoices.schema.js';
import type { SnapshotAddress } from '../invoicing.tables.js';

/** What the PDF needs beyond the invoice row, read when it is rendered. */
export interface InvoicePdfContext {
  /** The issuing entity's usual name, printed above its legal name when they differ. */
  issuerUsualName: string | null;
  /** For a credit note: the invoice it credits. */
  creditedInvoice: { number: string; issueDate: string } | null;
  /** The issuer's bank account and, for an invoice collected by SEPA direct debit, its mandate. */
  payment: InvoicePaymentDetails;
}

export type ColumnAlign = 'left' | 'right';

export interface TableColumn {
  title: string;
  align: ColumnAlign;
  /** Share of the printable width. */
  width: number;
}

/** Every text of the document, formatted in French; the renderer only places it. */
export interface InvoicePdfContent {
  fileName: string;
  title: 'FACTURE' | 'AVOIR';
  number: string;
  dates: Array<[label: string, value: string]>;
  issuer: { heading: string; lines: string[] };
  customer: { heading: string; lines: string[] };
  reference: string | null;
  columns: TableColumn[];
  rows: string[][];
  totals: Array<[label: string, value: string]>;
  mentions: string[];
  footer: string;
}

// Same values Intl gives on every run: the PDF is rendered once, but its text must not depend on the host.
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const RATE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function formatEuros(cents: number): string {
  return EUROS.format(cents / 100);
}

/** `2026-12-31` → `31/12/2026` (calendar dates carry no time zone). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

function addressLines(address: SnapshotAddress): string[] {
  const city = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.street, city].filter((line): line is string => Boolean(line));
}

export const LATE_PAYMENT_PENALTIES =
  "En cas de retard de paiement, des pénalités de retard sont exigibles de plein droit dès le lendemain de la date d'échéance, au taux d'intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente majoré de 10 points (art. L441-10 du Code de commerce).";
export const RECOVERY_INDEMNITY =
  "Tout professionnel en retard de paiement est redevable de plein droit d'une indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ (art. L441-10 et D441-5 du Code de commerce).";
export const NO_DISCOUNT = "Pas d'escompte pour paiement anticipé.";

/** How to pay: by SEPA direct debit under the named mandate, else by transfer to the issuer's account. */
function paymentMentions(payment: InvoicePaymentDetails): string[] {
  const mentions: string[] = [];
  if (payment.directDebit) {
    const { mandateReference, creditorIdentifier, debtorIbanLast4 } = payment.directDebit;
    mentions.push(
      `Règlement par prélèvement SEPA sur le compte se terminant par ${debtorIbanLast4} — référence unique du mandat (RUM) : ${mandateReference} — identifiant créancier SEPA (ICS) : ${creditorIdentifier}.`,
    );
  }
  if (payment.bankAccount) {
    const { iban, bic } = payment.bankAccount;
    const intro = payment.directDebit ? 'Coordonnées bancaires du créancier' : 'Règlement par virement';
    mentions.push(`${intro} — IBAN : ${friendlyFormatIBAN(iban) ?? iban}${bic ? ` — BIC : ${bic}` : ''}.`);
  }
  return mentions;
}

/** The texts of an issued invoice or credit note; a draft has no number and is never printed. */
export function invoicePdfContent(invoice: Invoice, context: InvoicePdfContext): InvoicePdfContent {
  if (!invoice.number || !invoice.issueDate || !invoice.issuer || !invoice.customer) throw new Error(`Invoice ${invoice.id} is not issued: it cannot be printed`);
  const isCreditNote = invoice.kind === 'credit_note';
  const withVat = invoice.vatRegime === 'standard';
  const { issuer, customer } = invoice;

  const dates: InvoicePdfContent['dates'] = [["Date d'émission", formatDate(invoice.issueDate)]];
  // A credit note only lowers what the customer owes: it has no due date of its own.
  if (invoice.dueDate && !isCreditNote) dates.push(["Date d'échéance", formatDate(invoice.dueDate)]);

  const usualName = context.issuerUsualName && context.issuerUsualName !== issuer.name ? context.issuerUsualName : null;
  const columns: TableColumn[] = [
    { title: 'Désignation', align: 'left', width: withVat ? 0.44 : 0.52 },
    { title: 'Quantité', align: 'right', width: 0.12 },
    { title: 'Prix unitaire HT', align: 'right', width: 0.18 },
    ...(withVat ? [{ title: 'TVA', align: 'right' as const, width: 0.08 }] : []),
    { title: 'Total HT', align: 'right', width: 0.18 },
  ];
  const rows = invoice.lines.map((line) => [
    line.label,
    String(line.quantity),
    formatEuros(line.unitAmountCents),
    ...(withVat ? [`${RATE.format(line.vatRateBasisPoints / 100)}\u00a0%`] : []),
    formatEuros(line.totalExclTaxCents),
  ]);

  const reference = isCreditNote && context.creditedInvoice
    ? `Avoir sur la facture n° ${context.creditedInvoice.number} du ${formatDate(context.creditedInvoice.issueDate)}.`
    : null;
  const mentions = [
    ...(invoice.vatMention ? [invoice.vatMention] : []),
    ...(isCreditNote
      ? ['Cet avoir vient en déduction des sommes dues au titre de la facture référencée.']
      : [
          `Paiement à effectuer au plus tard le ${formatDate(invoice.dueDate ?? invoice.issueDate)}. ${NO_DISCOUNT}`,
          ...paymentMentions(context.payment),
          LATE_PAYMENT_PENALTIES,
          RECOVERY_INDEMNITY,
        ]),
  ];

  return {
    fileName: `${invoice.number}.pdf`,
    title: isCreditNote ? 'AVOIR' : 'FACTURE',
    number: invoice.number,
    dates,
    issuer: { heading: usualName ?? issuer.name, lines: [...(usualName ? [issuer.name] : []), ...addressLines(issuer.address), `SIREN : ${issuer.siren}`] },
    customer: { heading: customer.name, lines: [...addressLines(customer.address), `SIREN : ${customer.siren}`] },
    reference,
    columns,
    rows,
    totals: [
      ['Total HT', formatEuros(invoice.totalExclTaxCents)],
      [withVat ? 'TVA' : 'TVA (non applicable)', formatEuros(invoice.totalVatCents)],
      [isCreditNote ? "Total TTC de l'avoir" : 'Total TTC à payer', formatEuros(invoice.totalInclTaxCents)],
    ],
    mentions,
    footer: `${issuer.name} · SIREN ${issuer.siren} · ${isCreditNote ? 'Avoir' : 'Facture'} n° ${invoice.number}`,
  };
}
