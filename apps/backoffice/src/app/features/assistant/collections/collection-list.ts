import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn } from '../../../shared/data-table/data-table';
import { VISIBILITY_LABELS, type Collection } from '../assistant-labels';
import { CollectionActions } from './collection-actions';

/** The knowledge collections of the user's entities; each opens its documents. Managers create, edit and delete them. */
@Component({
  selector: 'mx-collection-list',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@ai.collectionsTitle">Collections de connaissances</h1>
        @if (actions.canManage()) {
          <button mat-flat-button type="button" (click)="create()" i18n="@@ai.newCollection">Nouvelle collection</button>
        }
      </div>
      <p class="muted" i18n="@@ai.collectionsHelp">Les documents de ces collections, avec les pages publiées des sites, sont les seules sources de l'assistant.</p>
      <mx-data-table
        i18n-caption="@@ai.collectionsTitle"
        caption="Collections de connaissances"
        [columns]="columns"
        [fetchPage]="fetchPage"
        [refresh]="refresh()"
        i18n-emptyText="@@ai.collectionsEmpty"
        emptyText="Aucune collection pour vos structures."
      >
        @if (actions.canManage()) {
          <ng-template #rowActions let-collection>
            <button mat-button type="button" (click)="edit(collection)" [attr.aria-label]="editLabel(collection)" i18n="@@ai.edit">Modifier</button>
            <button mat-button type="button" (click)="remove(collection)" [attr.aria-label]="deleteLabel(collection)" i18n="@@ai.delete">Supprimer</button>
          </ng-template>
        }
      </mx-data-table>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CollectionList {
  private readonly api = inject(Api);
  private readonly scope = inject(BranchScope);
  private readonly locale = inject(LOCALE_ID);
  private readonly router = inject(Router);
  protected readonly actions = inject(CollectionActions);
  protected readonly refresh = signal(0);
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

  /** A new collection opens at once, ready for its first document. */
  protected async create(): Promise<void> {
    const created = await this.actions.create();
    if (created) await this.router.navigate(['/assistant/collections', created.id]);
  }

  protected async edit(collection: Collection): Promise<void> {
    if (await this.actions.edit(collection)) this.reload();
  }

  protected async remove(collection: Collection): Promise<void> {
    if (await this.actions.remove(collection)) this.reload();
  }

  protected editLabel(collection: Collection): string {
    return $localize`:@@ai.editCollectionOf:Modifier la collection « ${collection.name}:name: »`;
  }

  protected deleteLabel(collection: Collection): string {
    return $localize`:@@ai.deleteCollectionOf:Supprimer la collection « ${collection.name}:name: »`;
  }

  private reload(): void {
    this.refresh.update((value) => value + 1);
  }
}
