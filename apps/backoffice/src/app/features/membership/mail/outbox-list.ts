import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { dayBoundsToInstants } from '../../../shared/data-table/table-query';
import { MAIL_STATUS_LABELS, frenchDateTime, type OutboxMail } from './mail-labels';

/** The mail sent (or kept, in embedded mode) by the chosen branch, newest first. */
@Component({
  selector: 'mx-outbox-list',
  imports: [DataTable],
  template: `
    <section class="page">
      <div class="page-header"><h1>{{ title }}</h1></div>
      <mx-data-table [caption]="title" [columns]="columns" [filters]="filters" [fetchPage]="fetchPage" [scopeQuery]="scopeQuery()" defaultSort="-createdAt" [emptyText]="empty" />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxList {
  private readonly api = inject(Api);
  private readonly scope = inject(BranchScope);

  protected readonly title = $localize`:@@mail.title:Courriels envoyés`;
  protected readonly empty = $localize`:@@mail.empty:Aucun courriel ne correspond à ces critères.`;

  protected readonly columns: ReadonlyArray<TableColumn<OutboxMail>> = [
    { key: 'createdAt', label: $localize`:@@mail.createdAt:Date`, sortable: true, cell: (m) => frenchDateTime(m.createdAt) },
    { key: 'subject', label: $localize`:@@mail.subject:Objet`, cell: (m) => m.subject, link: (m) => ['/memberships/outbox', m.id] },
    { key: 'to', label: $localize`:@@mail.to:Destinataire`, cell: (m) => m.to },
    { key: 'template', label: $localize`:@@mail.template:Modèle`, cell: (m) => m.template },
    { key: 'status', label: $localize`:@@mail.status:Statut`, cell: (m) => MAIL_STATUS_LABELS[m.status] ?? m.status },
    { key: 'attempts', label: $localize`:@@mail.attempts:Tentatives`, cell: (m) => String(m.attempts) },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[status]', label: $localize`:@@mail.status:Statut`, type: 'select', options: Object.entries(MAIL_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
    { key: 'filter[to][contains]', label: $localize`:@@mail.to:Destinataire`, type: 'text' },
    { key: 'filter[template]', label: $localize`:@@mail.template:Modèle`, type: 'text' },
    { key: 'filter[createdAt][gte]', label: $localize`:@@mail.since:Depuis le`, type: 'date' },
    { key: 'filter[createdAt][lte]', label: $localize`:@@mail.until:Jusqu'au`, type: 'date' },
  ];

  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['filter[entityId]'] = entityId;
    return query;
  });

  protected readonly fetchPage: PageFetcher<OutboxMail> = async (query) => {
    const path = '/api/v1/mail/outbox' as const;
    const apiQuery = dayBoundsToInstants(query, 'createdAt') as unknown as QueryOf<typeof path>;
    const page = await this.api.unwrap(this.api.client.GET(path, { params: { query: apiQuery } }));
    return page as Exclude<typeof page, string>;
  };
}
