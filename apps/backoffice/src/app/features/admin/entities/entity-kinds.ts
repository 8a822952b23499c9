/** French names of the entity kinds. */
export const ENTITY_KIND_LABELS: Record<string, string> = {
  national: $localize`:@@kind.national:Siège national`,
  region: $localize`:@@kind.region:Union régionale`,
  departement: $localize`:@@kind.departement:Union territoriale`,
  federation: $localize`:@@kind.federation:Fédération`,
  other: $localize`:@@kind.other:Autre`,
};
