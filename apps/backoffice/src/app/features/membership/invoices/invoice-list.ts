import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { INVOICE_STATUS_LABELS, euros, frenchDate, type Invoice } from '../membership-labels';

/** Invoices and credit notes of the chosen branch (status filter), or only the overdue ones (`/memberships/overdue`). */
@Component({
  selector: 'mx-invoice-list',
  imports: [DataTable],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ overdue() ? overdueTitle : title }}</h1>
      </div>
      <mx-data-table
        [caption]="overdue() ? overdueTitle : title"
        [columns]="columns"
        [filters]="overdue() ? [] : filters"
        [fetchPage]="fetchPage()"
        [scopeQuery]="scopeQuery()"
        defaultSort="-createdAt"
        [emptyText]="overdue() ? overdueEmpty : empty"
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceList {
  private readonly api = inject(Api);
  private readonly scope = inject(BranchScope);
  protected readonly overdue = toSignal(inject(ActivatedRoute).data.pipe(map((data) => data['overdue'] === true)), { initialValue: false });

  protected readonly title = $localize`:@@ms.invoices:Factures`;
  protected readonly overdueTitle = $localize`:@@inv.overdueTitle:Factures impayées échues`;
  protected readonly empty = $localize`:@@inv.empty:Aucune facture ne correspond à ces critères.`;
  protected readonly overdueEmpty = $localize`:@@inv.overdueEmpty:Aucune facture échue impayée.`;

  protected readonly columns: ReadonlyArray<TableColumn<Invoice>> = [
    { key: 'number', label: $localize`:@@inv.number:Numéro`, cell: (i) => i.number ?? $localize`:@@inv.draftNumber:(brouillon)`, link: (i) => ['/memberships/invoices', i.id] },
    { key: 'kind', label: $localize`:@@inv.kind:Type`, cell: (i) => (i.kind === 'credit_note' ? $localize`:@@inv.creditNote:Avoir` : $localize`:@@inv.invoice:Facture`) },
    { key: 'customer', label: $localize`:@@inv.customer:Client`, cell: (i) => i.customer?.name ?? '—' },
    { key: 'issueDate', label: $localize`:@@inv.issueDate:Émise le`, cell: (i) => frenchDate(i.issueDate) },
    { key: 'dueDate', label: $localize`:@@inv.dueDate:Échéance`, cell: (i) => frenchDate(i.dueDate) },
    { key: 'total', label: $localize`:@@inv.total:Montant TTC`, cell: (i) => euros(i.totalInclTaxCents) },
    { key: 'balance', label: $localize`:@@inv.balance:Reste dû`, cell: (i) => euros(i.balanceCents) },
    { key: 'status', label: $localize`:@@inv.status:Statut`, cell: (i) => INVOICE_STATUS_LABELS[i.status] ?? i.status },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[status]', label: $localize`:@@inv.status:Statut`, type: 'select', options: Object.entries(INVOICE_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
    { key: 'filter[number]', label: $localize`:@@inv.number:Numéro`, type: 'text' },
    { key: 'filter[issueDate][gte]', label: $localize`:@@inv.issuedSince:Émise depuis le`, type: 'date' },
  ];

  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['filter[entityId]'] = entityId;
    return query;
  });

  protected readonly fetchPage = computed<PageFetcher<Invoice>>(() => {
    const path = this.overdue() ? ('/api/v1/invoices/overdue' as const) : ('/api/v1/invoices' as const);
    return async (query) => {
      const page = await this.api.unwrap(this.api.client.GET(path, { params: { query: query as unknown as QueryOf<typeof path> } }));
      return page as Exclude<typeof page, string>;
    };
  });
}
