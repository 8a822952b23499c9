import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, inject } from '@angular/core';
import { Api } from '../../../core/api/api';
import type { QueryOf, ResponseOf } from '../../../core/api/api-types';
import { ENTITY_KIND_LABELS } from './entity-kinds';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';

/** The flat page shape of GET /entities (the other answer shape is the nested tree). */
type Entity = Extract<ResponseOf<'/api/v1/entities'>, { nextCursor: unknown }>['items'][number];
const PATH = '/api/v1/entities';

/** The network as a flat, sortable, filterable and exportable list (server-side paging). */
@Component({
  selector: 'mx-entity-list',
  imports: [DataTable],
  template: `
    <mx-data-table
      i18n-caption="@@entities.listCaption"
      caption="Entités du réseau"
      [columns]="columns"
      [filters]="filters"
      [fetchPage]="fetchPage"
      defaultSort="code"
      [csvPath]="path"
      csvFilename="reseau.csv"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityList {
  private readonly api = inject(Api);
  private readonly locale = inject(LOCALE_ID);
  protected readonly path = PATH;

  protected readonly columns: ReadonlyArray<TableColumn<Entity>> = [
    { key: 'code', label: $localize`:@@entities.code:Code`, sortable: true, cell: (e) => e.code },
    { key: 'name', label: $localize`:@@entities.name:Nom`, sortable: true, cell: (e) => e.name },
    { key: 'kind', label: $localize`:@@entities.kind:Type`, sortable: true, cell: (e) => ENTITY_KIND_LABELS[e.kind] ?? e.kind },
    { key: 'city', label: $localize`:@@entities.city:Commune`, cell: (e) => e.address.city ?? '' },
    { key: 'updatedAt', label: $localize`:@@entities.updatedAt:Modifiée le`, sortable: true, cell: (e) => formatDate(e.updatedAt, 'dd/MM/yyyy', this.locale) },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[name][contains]', label: $localize`:@@entities.nameContains:Nom contient`, type: 'text' },
    { key: 'filter[kind]', label: $localize`:@@entities.kind:Type`, type: 'select', options: Object.entries(ENTITY_KIND_LABELS).map(([value, label]) => ({ value, label })) },
  ];

  protected readonly fetchPage: PageFetcher<Entity> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { query: { ...query, view: 'flat' } as unknown as QueryOf<typeof PATH> } }));
    return page as { items: Entity[]; nextCursor: string | null; count?: number };
  };
}
