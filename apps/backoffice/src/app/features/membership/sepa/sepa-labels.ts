import type { ResponseOf } from '../../../core/api/api-types';

export type SepaMandate = ResponseOf<'/api/v1/sepa-mandates/{id}'>;
export type SepaBatch = ResponseOf<'/api/v1/sepa-batches/{id}'>;
export type SepaBatchSummary = ResponseOf<'/api/v1/sepa-batches'>['items'][number];
export type SepaDebit = SepaBatch['items'][number];
export type SequenceType = SepaMandate['sequenceType'];

export const MANDATE_STATUS_LABELS: Record<string, string> = {
  active: $localize`:@@sepa.mandate.active:Actif`,
  revoked: $localize`:@@sepa.mandate.revoked:Révoqué`,
};

export const SEQUENCE_TYPE_LABELS: Record<SequenceType, string> = {
  FRST: $localize`:@@sepa.seq.frst:Récurrent — premier prélèvement (FRST)`,
  RCUR: $localize`:@@sepa.seq.rcur:Récurrent (RCUR)`,
  OOFF: $localize`:@@sepa.seq.ooff:Ponctuel (OOFF)`,
  FNAL: $localize`:@@sepa.seq.fnal:Dernier prélèvement (FNAL)`,
};

export const BATCH_STATUS_LABELS: Record<string, string> = {
  exported: $localize`:@@sepa.batch.exported:Fichier produit`,
  settled: $localize`:@@sepa.batch.settled:Réglée`,
};

export const DEBIT_STATUS_LABELS: Record<string, string> = {
  pending: $localize`:@@sepa.debit.pending:Envoyé à la banque`,
  settled: $localize`:@@sepa.debit.settled:Réglé`,
  rejected: $localize`:@@sepa.debit.rejected:Rejeté`,
};

/** The ISO 20022 reason codes banks most often return on a SEPA debit (R-transactions). */
export const REJECTION_REASONS: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'AC01', label: $localize`:@@sepa.reason.ac01:AC01 — IBAN incorrect` },
  { code: 'BE05', label: $localize`:@@sepa.reason.be05:BE05 — identifiant créancier incorrect` },
  { code: 'AC04', label: $localize`:@@sepa.reason.ac04:AC04 — compte clôturé` },
  { code: 'AC06', label: $localize`:@@sepa.reason.ac06:AC06 — compte bloqué` },
  { code: 'AG01', label: $localize`:@@sepa.reason.ag01:AG01 — prélèvement interdit sur ce compte` },
  { code: 'AM04', label: $localize`:@@sepa.reason.am04:AM04 — provision insuffisante` },
  { code: 'MD01', label: $localize`:@@sepa.reason.md01:MD01 — absence de mandat` },
  { code: 'MD07', label: $localize`:@@sepa.reason.md07:MD07 — débiteur décédé` },
  { code: 'MD06', label: $localize`:@@sepa.reason.md06:MD06 — remboursement demandé par le débiteur` },
  { code: 'MS02', label: $localize`:@@sepa.reason.ms02:MS02 — refus du débiteur` },
  { code: 'MS03', label: $localize`:@@sepa.reason.ms03:MS03 — raison non communiquée` },
  { code: 'SL01', label: $localize`:@@sepa.reason.sl01:SL01 — service spécifique de la banque` },
];
