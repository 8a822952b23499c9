import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { Session } from '../../../core/auth/session';
import { collectionSource } from '../../../shared/data-table/collection-source';
import { DataTable, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { Toaster } from '../../../shared/toast/toaster';
import { BODY_KIND_LABELS, asOptions, type MandateBody } from '../mandate-labels';
import { BodyFormDialog } from './body-form-dialog';

/** The bodies where the network holds seats (shared by the whole network); each opens on its seats. */
@Component({
  selector: 'mx-body-list',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@md.bodies">Instances</h1>
        @if (canWrite()) {
          <button mat-flat-button type="button" (click)="create()" i18n="@@md.bodyCreate">Nouvelle instance</button>
        }
      </div>
      <mx-data-table
        i18n-caption="@@md.bodies"
        caption="Instances"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="source.fetchPage"
        defaultSort="name"
        i18n-emptyText="@@md.bodiesEmpty"
        emptyText="Aucune instance ne correspond à ces critères."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BodyList {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);

  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('mandates.write') ?? false);

  protected readonly columns: ReadonlyArray<TableColumn<MandateBody>> = [
    { key: 'name', label: $localize`:@@md.bodyName:Nom`, sortable: true, cell: (b) => b.name, link: (b) => ['/mandates/bodies', b.id] },
    { key: 'kind', label: $localize`:@@md.kind:Type d'instance`, cell: (b) => BODY_KIND_LABELS[b.kind] ?? b.kind },
    { key: 'departementCode', label: $localize`:@@md.departement:Département`, cell: (b) => b.departementCode ?? '—' },
    { key: 'commune', label: $localize`:@@md.commune:Commune`, cell: (b) => b.commune ?? '—' },
  ];

  protected readonly source = collectionSource('/api/v1/mandate-bodies');
  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[name][contains]', label: $localize`:@@md.nameContains:Nom contient`, type: 'text' },
    { key: 'filter[kind]', label: $localize`:@@md.kind:Type d'instance`, type: 'select', options: asOptions(BODY_KIND_LABELS) },
  ];

  protected create(): void {
    this.dialog
      .open(BodyFormDialog, { width: '520px' })
      .afterClosed()
      .subscribe((body) => {
        if (!body) return;
        this.toaster.success($localize`:@@md.bodySaved:Instance enregistrée.`);
        void this.router.navigate(['/mandates/bodies', body.id]);
      });
  }
}
