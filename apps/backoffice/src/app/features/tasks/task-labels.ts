import type { ItemOf } from '../../core/api/api-types';

export type Task = ItemOf<'/api/v1/tasks'>;

export const TASK_STATUS_LABELS: Record<string, string> = {
  open: $localize`:@@tasks.status.open:À faire`,
  done: $localize`:@@tasks.status.done:Terminée`,
  cancelled: $localize`:@@tasks.status.cancelled:Annulée`,
};

/** What a task is about (`relatedTo.kind`), in French, and where its record opens in the back-office. */
const RELATED: Record<string, { label: string; path: string }> = {
  mandate: { label: $localize`:@@tasks.related.mandate:Mandat`, path: '/mandates/list' },
  invoice: { label: $localize`:@@tasks.related.invoice:Facture`, path: '/memberships/invoices' },
  organization: { label: $localize`:@@tasks.related.organization:Entreprise`, path: '/crm/companies' },
  person: { label: $localize`:@@tasks.related.person:Contact`, path: '/crm/persons' },
};

export function relatedLabel(task: Pick<Task, 'relatedTo'>): string {
  return RELATED[task.relatedTo.kind]?.label ?? task.relatedTo.kind;
}

/** The related record's page, or null when the back-office has no page for that kind. */
export function relatedLink(task: Pick<Task, 'relatedTo'>): readonly string[] | null {
  const related = RELATED[task.relatedTo.kind];
  return related ? [related.path, task.relatedTo.id] : null;
}
