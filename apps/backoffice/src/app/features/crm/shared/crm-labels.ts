/** French wording of the CRM's stable codes (API values stay in English or INSEE codes). */

export const LINK_STATUS_LABELS: Record<string, string> = {
  prospect: $localize`:@@crm.status.prospect:Prospect`,
  member: $localize`:@@crm.status.member:Adhérent`,
  former_member: $localize`:@@crm.status.formerMember:Ancien adhérent`,
};

/** INSEE « tranches d'effectif salarié ». */
export const HEADCOUNT_BAND_LABELS: Record<string, string> = {
  '00': $localize`:@@crm.headcount.00:0 salarié`,
  '01': $localize`:@@crm.headcount.01:1 ou 2 salariés`,
  '02': $localize`:@@crm.headcount.02:3 à 5 salariés`,
  '03': $localize`:@@crm.headcount.03:6 à 9 salariés`,
  '11': $localize`:@@crm.headcount.11:10 à 19 salariés`,
  '12': $localize`:@@crm.headcount.12:20 à 49 salariés`,
  '21': $localize`:@@crm.headcount.21:50 à 99 salariés`,
  '22': $localize`:@@crm.headcount.22:100 à 199 salariés`,
  '31': $localize`:@@crm.headcount.31:200 à 249 salariés`,
  '32': $localize`:@@crm.headcount.32:250 à 499 salariés`,
  '41': $localize`:@@crm.headcount.41:500 à 999 salariés`,
  '42': $localize`:@@crm.headcount.42:1 000 à 1 999 salariés`,
  '51': $localize`:@@crm.headcount.51:2 000 à 4 999 salariés`,
  '52': $localize`:@@crm.headcount.52:5 000 à 9 999 salariés`,
  '53': $localize`:@@crm.headcount.53:10 000 salariés et plus`,
};

export const AFFILIATION_ROLE_LABELS: Record<string, string> = {
  dirigeant: $localize`:@@crm.role.dirigeant:Dirigeant`,
  drh: $localize`:@@crm.role.drh:DRH`,
  contact_principal: $localize`:@@crm.role.main:Contact principal`,
  comptable: $localize`:@@crm.role.comptable:Comptable`,
  autre: $localize`:@@crm.role.other:Autre`,
};

export const CIVILITY_LABELS: Record<string, string> = {
  M: $localize`:@@crm.civility.m:M.`,
  MME: $localize`:@@crm.civility.mme:Mme`,
};

export const CONSENT_CHANNEL_LABELS: Record<string, string> = {
  newsletter: $localize`:@@crm.channel.newsletter:Lettre d'information`,
  events: $localize`:@@crm.channel.events:Événements`,
  sms: $localize`:@@crm.channel.sms:SMS`,
};

export const CONSENT_STATUS_LABELS: Record<string, string> = {
  granted: $localize`:@@crm.consent.granted:Accordé`,
  withdrawn: $localize`:@@crm.consent.withdrawn:Retiré`,
};

export const LEGAL_BASIS_LABELS: Record<string, string> = {
  consent: $localize`:@@crm.basis.consent:Consentement`,
  contract: $localize`:@@crm.basis.contract:Contrat`,
  legitimate_interest: $localize`:@@crm.basis.legitimate:Intérêt légitime`,
  legal_obligation: $localize`:@@crm.basis.legal:Obligation légale`,
};

export const INTERACTION_KIND_LABELS: Record<string, string> = {
  call: $localize`:@@crm.kind.call:Appel`,
  meeting: $localize`:@@crm.kind.meeting:Rendez-vous`,
  email: $localize`:@@crm.kind.email:E-mail`,
  note: $localize`:@@crm.kind.note:Note`,
  event_attendance: $localize`:@@crm.kind.event:Participation à un événement`,
  membership_change: $localize`:@@crm.kind.membership:Changement d'adhésion`,
};

/** `{ value, label }` options of a label map, for selects. */
export function optionsOf(labels: Record<string, string>): Array<{ value: string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
