import type { ItemOf, ResponseOf } from '../../core/api/api-types';

export type Mandate = ResponseOf<'/api/v1/mandates/{id}'>;
export type MandateBody = ItemOf<'/api/v1/mandate-bodies'>;
export type Seat = ItemOf<'/api/v1/mandate-seats'>;
export type SummaryRow = ResponseOf<'/api/v1/mandate-reports/summary'>['items'][number];

/** French names of the API's body kinds. */
export const BODY_KIND_LABELS: Record<string, string> = {
  prudhommes: $localize`:@@md.kind.prudhommes:Conseil de prud'hommes`,
  urssaf: $localize`:@@md.kind.urssaf:URSSAF`,
  cpam: $localize`:@@md.kind.cpam:CPAM`,
  caf: $localize`:@@md.kind.caf:CAF`,
  carsat: $localize`:@@md.kind.carsat:CARSAT`,
  cci: $localize`:@@md.kind.cci:Chambre de commerce et d'industrie`,
  cma: $localize`:@@md.kind.cma:Chambre de métiers et de l'artisanat`,
  tribunal_commerce: $localize`:@@md.kind.tribunalCommerce:Tribunal de commerce`,
  ceser: $localize`:@@md.kind.ceser:CESER`,
  other: $localize`:@@md.kind.other:Autre instance`,
};

export const SEAT_ROLE_LABELS: Record<string, string> = {
  titular: $localize`:@@md.role.titular:Titulaire`,
  substitute: $localize`:@@md.role.substitute:Suppléant`,
};

export const MANDATE_STATUS_LABELS: Record<string, string> = {
  active: $localize`:@@md.status.active:En vigueur`,
  cancelled: $localize`:@@md.status.cancelled:Annulé (saisi par erreur)`,
};

export const asOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** « Conseil de prud'hommes de Lyon — Collège employeurs (Titulaire) ». */
export function seatLabel(seat: Pick<Seat, 'bodyName' | 'label' | 'role'>): string {
  return `${seat.bodyName} — ${seat.label} (${SEAT_ROLE_LABELS[seat.role] ?? seat.role})`;
}
