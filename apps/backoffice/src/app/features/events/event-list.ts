import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/auth/session';
import { BranchScope } from '../../core/scope/branch-scope';
import { collectionSource } from '../../shared/data-table/collection-source';
import { DataTable, type TableColumn, type TableFilter } from '../../shared/data-table/data-table';
import { Toaster } from '../../shared/toast/toaster';
import { optionsOf } from '../crm/shared/crm-labels';
import { EventFormDialog, type EventFormData } from './event-form-dialog';
import { EVENT_STATUS_LABELS, VISIBILITY_LABELS, WHEN_LABELS, eventDateTime, seatsText, type EventItem } from './events-labels';
import { IcalFeed } from './ical-feed';

/** The events of the branch chosen in the switcher: upcoming or past, public or members-only, paged. */
@Component({
  selector: 'mx-event-list',
  imports: [MatButton, MatIcon, DataTable, IcalFeed],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@nav.events">Événements</h1>
        @if (canWrite()) {
          <button mat-flat-button type="button" (click)="create()">
            <mat-icon svgIcon="add" aria-hidden="true" />
            <ng-container i18n="@@ev.create">Nouvel événement</ng-container>
          </button>
        }
      </div>
      @if (scope.entityId(); as entityId) {
        <mx-ical-feed [entityId]="entityId" />
      }
      <mx-data-table
        i18n-caption="@@nav.events"
        caption="Événements"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="source.fetchPage"
        [scopeQuery]="source.scopeQuery()"
        defaultSort="startsAt"
        i18n-emptyText="@@ev.empty"
        emptyText="Aucun événement ne correspond à ces critères."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventList {
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);

  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('events.write') ?? false);
  protected readonly source = collectionSource('/api/v1/events', { branchScoped: true });

  protected readonly columns: ReadonlyArray<TableColumn<EventItem>> = [
    { key: 'startsAt', label: $localize`:@@ev.startsAt:Début`, sortable: true, cell: (e) => eventDateTime(e.startsAt, e.timezone) },
    { key: 'title', label: $localize`:@@ev.title:Titre`, cell: (e) => e.title, link: (e) => ['/events', e.id] },
    { key: 'place', label: $localize`:@@ev.where:Lieu`, cell: (e) => e.place?.commune ?? e.place?.name ?? (e.onlineUrl ? $localize`:@@ev.online:En ligne` : '—') },
    { key: 'visibility', label: $localize`:@@ev.visibility:Visibilité`, cell: (e) => VISIBILITY_LABELS[e.visibility] ?? e.visibility },
    { key: 'status', label: $localize`:@@ev.status:Statut`, cell: (e) => EVENT_STATUS_LABELS[e.status] ?? e.status },
    { key: 'seats', label: $localize`:@@ev.seats:Places prises`, cell: (e) => seatsText(e) },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'when', label: $localize`:@@ev.when:Période`, type: 'select', options: optionsOf(WHEN_LABELS) },
    { key: 'filter[visibility]', label: $localize`:@@ev.visibility:Visibilité`, type: 'select', options: optionsOf(VISIBILITY_LABELS) },
    { key: 'filter[status]', label: $localize`:@@ev.status:Statut`, type: 'select', options: optionsOf(EVENT_STATUS_LABELS) },
    { key: 'filter[title][contains]', label: $localize`:@@ev.titleContains:Titre contient`, type: 'text' },
  ];

  protected async create(): Promise<void> {
    const ref = this.dialog.open(EventFormDialog, { data: {} satisfies EventFormData, width: '760px', maxWidth: '95vw' });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.toaster.success($localize`:@@ev.created:Événement créé.`);
    await this.router.navigate(['/events', created.id]);
  }
}
