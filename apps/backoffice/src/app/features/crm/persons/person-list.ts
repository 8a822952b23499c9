import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ItemOf } from '../../../core/api/api-types';
import { collectionSource } from '../../../shared/data-table/collection-source';
import { DataTable, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { LEGAL_BASIS_LABELS } from '../shared/crm-labels';
import { ExportButtons } from '../shared/export-buttons';
import { SaveSegmentButton } from '../segments/save-segment-button';
import { displayName } from './person-types';

const PATH = '/api/v1/persons';
type PersonItem = ItemOf<typeof PATH>;

/** The contacts of the caller's entities (never other branches'), by name or address. */
@Component({
  selector: 'mx-person-list',
  imports: [DataTable, ExportButtons, SaveSegmentButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@crm.persons">Contacts</h1>
      </div>
      <div class="list-actions">
        <mx-save-segment-button target="persons" />
        <mx-export-buttons kind="persons" filename="contacts" />
      </div>
      <mx-data-table
        i18n-caption="@@crm.persons"
        caption="Contacts"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="source.fetchPage"
        defaultSort="lastName"
        i18n-emptyText="@@crm.personsEmpty"
        emptyText="Aucun contact ne correspond à ces critères."
      />
    </section>
  `,
  styles: `.list-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: flex-end; margin-bottom: 12px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonList {
  protected readonly source = collectionSource(PATH);

  protected readonly columns: ReadonlyArray<TableColumn<PersonItem>> = [
    { key: 'lastName', label: $localize`:@@crm.name:Nom`, sortable: true, cell: (p) => displayName(p), link: (p) => ['/crm/persons', p.id] },
    { key: 'jobTitle', label: $localize`:@@crm.jobTitle:Fonction`, cell: (p) => p.jobTitle ?? '—' },
    { key: 'email', label: $localize`:@@crm.email:Adresse e-mail`, cell: (p) => p.emails[0]?.email ?? '—' },
    { key: 'phone', label: $localize`:@@crm.workPhone:Téléphone professionnel`, cell: (p) => p.phone ?? '—' },
    { key: 'legalBasis', label: $localize`:@@crm.legalBasis:Base légale`, cell: (p) => LEGAL_BASIS_LABELS[p.legalBasis] ?? p.legalBasis },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[name][contains]', label: $localize`:@@crm.filterPersonName:Nom ou prénom contient`, type: 'text' },
    { key: 'filter[email]', label: $localize`:@@crm.filterEmail:Adresse e-mail exacte`, type: 'text' },
  ];
}
