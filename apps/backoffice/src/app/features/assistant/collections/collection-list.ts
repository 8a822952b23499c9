import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { Api } from '../../../core/api/api';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn } from '../../../shared/data-table/data-table';
import { VISIBILITY_LABELS, type Collection } from '../assistant-labels';

/** The knowledge collections of the user's entities; each opens its documents. */
@Component({
  selector: 'mx-collection-list',
  imports: [DataTable],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@ai.collectionsTitle">Collections de connaissances</h1>
      </div>
      <p class="muted" i18n="@@ai.collectionsHelp">Les documents de ces collections, avec les pages publiées des sites, sont les seules sources de l'assistant.</p>
      <mx-data-table
        i18n-caption="@@ai.collectionsTitle"
        caption="Collections de connaissances"
        [columns]="columns"
        [fetchPage]="fetchPage"
        i18n-emptyText="@@ai.collectionsEmpty"
        emptyText="Aucune collection pour vos structures."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CollectionList {
  private readonly api = inject(Api);
  private readonly scope = inject(BranchScope);
  private readonly locale = inject(LOCALE_ID);
  private readonly entityNames = computed(() => new Map(this.scope.entities().map((e) => [e.id, e.name])));

  protected readonly columns: ReadonlyArray<TableColumn<Collection>> = [
    { key: 'name', label: $localize`:@@ai.collectionName:Nom`, cell: (c) => c.name, link: (c) => ['/assistant/collections', c.id] },
    { key: 'entity', label: $localize`:@@ai.entity:Structure`, cell: (c) => this.entityNames().get(c.entityId) ?? '—' },
    { key: 'visibility', label: $localize`:@@ai.visibility:Visibilité`, cell: (c) => VISIBILITY_LABELS[c.visibility] ?? c.visibility },
    { key: 'documentCount', label: $localize`:@@ai.documentCount:Documents`, cell: (c) => String(c.documentCount) },
    { key: 'updatedAt', label: $localize`:@@ai.updatedAt:Modifiée le`, cell: (c) => formatDate(c.updatedAt, 'dd/MM/yyyy HH:mm', this.locale) },
  ];

  /** The API lists every collection at once (a handful per entity): one page. */
  protected readonly fetchPage: PageFetcher<Collection> = async () => {
    const { items } = await this.api.unwrap(this.api.client.GET('/api/v1/ai/collections'));
    return { items, nextCursor: null };
  };
}
