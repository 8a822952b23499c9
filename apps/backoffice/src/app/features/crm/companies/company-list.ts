import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { Session } from '../../../core/auth/session';
import { collectionSource } from '../../../shared/data-table/collection-source';
import { DataTable, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { LINK_STATUS_LABELS, optionsOf } from '../shared/crm-labels';
import { ExportButtons } from '../shared/export-buttons';
import { SaveSegmentButton } from '../segments/save-segment-button';
import { ORGANIZATIONS_PATH, placeOf, type CompanyListItem } from './company-types';

/**
 * Every company of the network (public identity), filtered and sorted by the server. The status
 * column and filter are those of the caller's own entities: other branches' relations never show.
 */
@Component({
  selector: 'mx-company-list',
  imports: [DataTable, ExportButtons, SaveSegmentButton, MatAnchor, MatIcon, RouterLink],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@crm.companies">Entreprises</h1>
        @if (canImport()) {
          <a mat-stroked-button routerLink="/crm/imports" i18n="@@crm.import">Importer un fichier</a>
        }
        @if (canWrite()) {
          <a mat-flat-button routerLink="/crm/companies/new">
            <mat-icon svgIcon="add" aria-hidden="true" />
            <ng-container i18n="@@crm.companyCreate">Nouvelle entreprise</ng-container>
          </a>
        }
      </div>
      <div class="list-actions">
        <mx-save-segment-button target="organizations" />
        <mx-export-buttons kind="organizations" filename="entreprises" />
      </div>
      <mx-data-table
        i18n-caption="@@crm.companies"
        caption="Entreprises"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="source.fetchPage"
        defaultSort="name"
        i18n-emptyText="@@crm.companiesEmpty"
        emptyText="Aucune entreprise ne correspond à ces critères."
      />
    </section>
  `,
  styles: `.list-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: flex-end; margin-bottom: 12px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyList {
  private readonly session = inject(Session);

  protected readonly source = collectionSource(ORGANIZATIONS_PATH);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('crm.organizations.write') ?? false);
  protected readonly canImport = computed(() => this.session.me()?.permissions.includes('crm.imports.write') ?? false);

  protected readonly columns: ReadonlyArray<TableColumn<CompanyListItem>> = [
    { key: 'name', label: $localize`:@@crm.name:Nom`, sortable: true, cell: (c) => c.name, link: (c) => ['/crm/companies', c.id] },
    { key: 'siren', label: $localize`:@@crm.siren:SIREN`, cell: (c) => c.siren },
    { key: 'place', label: $localize`:@@crm.commune:Commune`, cell: (c) => placeOf(c.address) },
    { key: 'naf', label: $localize`:@@crm.naf:Code NAF`, cell: (c) => c.nafCode ?? '—' },
    {
      key: 'status',
      label: $localize`:@@crm.myStatus:Statut pour mes entités`,
      cell: (c) => [...new Set(c.links.map((link) => LINK_STATUS_LABELS[link.status] ?? link.status))].join(', ') || '—',
    },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[name][contains]', label: $localize`:@@crm.filterName:Nom contient`, type: 'text' },
    { key: 'filter[departementCode]', label: $localize`:@@crm.filterDepartement:Département (69, 2A…)`, type: 'text' },
    { key: 'filter[status]', label: $localize`:@@crm.filterStatus:Statut`, type: 'select', options: optionsOf(LINK_STATUS_LABELS) },
    { key: 'filter[nafCode]', label: $localize`:@@crm.filterNaf:Code NAF (62.01Z)`, type: 'text' },
  ];
}
