import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { collectionSource } from '../../../shared/data-table/collection-source';
import { DataTable, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { Toaster } from '../../../shared/toast/toaster';
import { frenchDate, todayIso } from '../../membership/membership-labels';
import { MANDATE_STATUS_LABELS, SEAT_ROLE_LABELS, asOptions, type Mandate, type MandateBody } from '../mandate-labels';
import { MandateCreateDialog } from './mandate-create-dialog';
import { openMandateEndDialog } from './mandate-end-dialog';

/** The mandates of the chosen branch (branch switcher), by body and status; designate and end. */
@Component({
  selector: 'mx-mandate-list',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@md.mandates">Mandats</h1>
        @if (canWrite()) {
          <button mat-flat-button type="button" (click)="create()" i18n="@@md.create">Nouveau mandat</button>
        }
      </div>
      <mx-data-table
        i18n-caption="@@md.mandates"
        caption="Mandats"
        [columns]="columns"
        [filters]="filters()"
        [fetchPage]="source.fetchPage"
        [scopeQuery]="source.scopeQuery()"
        [refresh]="refresh()"
        defaultSort="endOn"
        csvPath="/api/v1/mandates"
        csvFilename="mandats.csv"
        i18n-emptyText="@@md.empty"
        emptyText="Aucun mandat ne correspond à ces critères."
      >
        <ng-template #rowActions let-row>
          @if (canEnd(row)) {
            <button mat-button type="button" (click)="end(row)" i18n="@@md.end">Terminer</button>
          }
        </ng-template>
      </mx-data-table>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateList {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);

  protected readonly refresh = signal(0);
  private readonly bodies = signal<MandateBody[]>([]);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('mandates.write') ?? false);

  protected readonly columns: ReadonlyArray<TableColumn<Mandate>> = [
    { key: 'personName', label: $localize`:@@md.holder:Mandataire`, cell: (m) => m.personName, link: (m) => ['/mandates/list', m.id] },
    { key: 'bodyName', label: $localize`:@@md.body:Instance`, cell: (m) => m.bodyName },
    { key: 'seatLabel', label: $localize`:@@md.seat:Siège`, cell: (m) => `${m.seatLabel} (${SEAT_ROLE_LABELS[m.seatRole] ?? m.seatRole})` },
    { key: 'startOn', label: $localize`:@@md.startOn:Début`, sortable: true, cell: (m) => frenchDate(m.startOn) },
    { key: 'endOn', label: $localize`:@@md.endOn:Fin`, sortable: true, cell: (m) => frenchDate(m.endOn) },
    { key: 'status', label: $localize`:@@md.status:Statut`, cell: (m) => MANDATE_STATUS_LABELS[m.status] ?? m.status },
  ];

  protected readonly filters = computed<readonly TableFilter[]>(() => [
    { key: 'filter[bodyId]', label: $localize`:@@md.body:Instance`, type: 'select', options: this.bodies().map((body) => ({ value: body.id, label: body.name })) },
    { key: 'filter[status]', label: $localize`:@@md.status:Statut`, type: 'select', options: asOptions(MANDATE_STATUS_LABELS) },
    { key: 'filter[endOn][gte]', label: $localize`:@@md.endsAfter:Se termine à partir du`, type: 'date' },
  ]);

  protected readonly source = collectionSource('/api/v1/mandates', { branchScoped: true });

  constructor() {
    this.api
      .unwrap(this.api.client.GET('/api/v1/mandate-bodies', { params: { query: { limit: 200 } } }))
      .then((page) => this.bodies.set((page as Exclude<typeof page, string>).items))
      .catch((error: unknown) => this.toaster.error(error));
  }

  protected canEnd(mandate: Mandate): boolean {
    return this.canWrite() && mandate.status === 'active' && mandate.endOn >= todayIso();
  }

  protected create(): void {
    this.dialog
      .open(MandateCreateDialog, { width: '560px' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.toaster.success($localize`:@@md.created:Mandat enregistré.`);
        this.refresh.update((n) => n + 1);
      });
  }

  protected end(mandate: Mandate): void {
    openMandateEndDialog(this.dialog, mandate).subscribe((ended) => {
      if (ended) this.refresh.update((n) => n + 1);
    });
  }
}
