import type { ResponseOf } from '../../core/api/api-types';

export type Membership = ResponseOf<'/api/v1/memberships'>['items'][number];
export type MembershipDetail = ResponseOf<'/api/v1/memberships/{id}'>;
export type MembershipType = ResponseOf<'/api/v1/membership/types'>['items'][number];
export type DuesSchedule = ResponseOf<'/api/v1/membership/dues-schedules'>['items'][number];
export type Campaign = ResponseOf<'/api/v1/membership/campaigns/{id}'>;
export type Invoice = ResponseOf<'/api/v1/invoices/{id}'>;
export type Payment = ResponseOf<'/api/v1/invoices/{id}/payments'>['items'][number];

export const MEMBERSHIP_STATUS_LABELS: Record<string, string> = {
  pending: $localize`:@@ms.status.pending:En attente de règlement`,
  active: $localize`:@@ms.status.active:Active`,
  grace: $localize`:@@ms.status.grace:En délai de grâce`,
  lapsed: $localize`:@@ms.status.lapsed:Échue`,
  cancelled: $localize`:@@ms.status.cancelled:Résiliée`,
};

export const INVOICE_STATUS_LABELS: Record<string, string> = {
  draft: $localize`:@@inv.status.draft:Brouillon`,
  issued: $localize`:@@inv.status.issued:Émise`,
  partially_paid: $localize`:@@inv.status.partiallyPaid:Partiellement réglée`,
  paid: $localize`:@@inv.status.paid:Réglée`,
  cancelled: $localize`:@@inv.status.cancelled:Annulée`,
};

export const PAYMENT_METHOD_LABELS: Record<string, string> = {
  transfer: $localize`:@@pay.transfer:Virement`,
  cheque: $localize`:@@pay.cheque:Chèque`,
  card: $localize`:@@pay.card:Carte bancaire`,
  sepa_debit: $localize`:@@pay.sepa:Prélèvement SEPA`,
};

export const CAMPAIGN_STATUS_LABELS: Record<string, string> = {
  queued: $localize`:@@camp.queued:En attente`,
  running: $localize`:@@camp.running:En cours`,
  completed: $localize`:@@camp.completed:Terminée`,
};

/** INSEE headcount bands (tranche d'effectif salarié). */
export const HEADCOUNT_BANDS: ReadonlyArray<{ value: string; label: string }> = [
  { value: '00', label: '0 salarié' },
  { value: '01', label: '1 ou 2 salariés' },
  { value: '02', label: '3 à 5 salariés' },
  { value: '03', label: '6 à 9 salariés' },
  { value: '11', label: '10 à 19 salariés' },
  { value: '12', label: '20 à 49 salariés' },
  { value: '21', label: '50 à 99 salariés' },
  { value: '22', label: '100 à 199 salariés' },
  { value: '31', label: '200 à 249 salariés' },
  { value: '32', label: '250 à 499 salariés' },
  { value: '41', label: '500 à 999 salariés' },
  { value: '42', label: '1 000 à 1 999 salariés' },
  { value: '51', label: '2 000 à 4 999 salariés' },
  { value: '52', label: '5 000 à 9 999 salariés' },
  { value: '53', label: '10 000 salariés et plus' },
];

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 123456 → « 1 234,56 € ». */
export function euros(cents: number): string {
  return EUROS.format(cents / 100);
}

/** « 1 234,56 » or « 1234.5 » (what a French user types) → cents, or null when it is not an amount. */
export function eurosToCents(text: string): number | null {
  const normalised = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

/** 2026-03-15 → 15/03/2026. */
export function frenchDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Today in Paris as YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
}
