/** French labels of the CMS enumerations (kinds, workflow statuses, syndication). */
export const KIND_LABELS: Record<string, string> = {
  article: $localize`:@@cms.kind.article:Article`,
  page: $localize`:@@cms.kind.page:Page`,
  document: $localize`:@@cms.kind.document:Document`,
};

export const STATUS_LABELS: Record<string, string> = {
  draft: $localize`:@@cms.status.draft:Brouillon`,
  in_review: $localize`:@@cms.status.inReview:En relecture`,
  scheduled: $localize`:@@cms.status.scheduled:Programmé`,
  published: $localize`:@@cms.status.published:Publié`,
  archived: $localize`:@@cms.status.archived:Archivé`,
};

export const VISIBILITY_LABELS: Record<string, string> = {
  public: $localize`:@@cms.visibility.public:Public`,
  members: $localize`:@@cms.visibility.members:Réservé aux adhérents`,
};

export const SYNDICATION_LABELS: Record<string, string> = {
  offered: $localize`:@@cms.synd.offered:Proposé`,
  accepted: $localize`:@@cms.synd.accepted:Accepté`,
  declined: $localize`:@@cms.synd.declined:Refusé`,
  withdrawn: $localize`:@@cms.synd.withdrawn:Retiré`,
};

export const FIELD_LABELS: Record<string, string> = {
  title: $localize`:@@cms.field.title:Titre`,
  summary: $localize`:@@cms.field.summary:Chapô`,
  slug: $localize`:@@cms.field.slug:Adresse (slug)`,
  'fields.tags': $localize`:@@cms.field.tags:Mots-clés`,
  'fields.categoryIds': $localize`:@@cms.field.categories:Catégories`,
  'fields.author': $localize`:@@cms.field.author:Auteur`,
  'fields.coverMediaId': $localize`:@@cms.field.cover:Image de couverture`,
};

export function optionsOf(labels: Record<string, string>): Array<{ value: string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
}
