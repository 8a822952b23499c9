import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { formatDate } from '@angular/common';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Api } from '../../../core/api/api';
import type { ItemOf, QueryOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { dateRangeFilters } from '../../../shared/data-table/date-range-filters';
import { dayBoundsToInstants } from '../../../shared/data-table/table-query';
import { AuditDiffDialog } from './audit-diff-dialog';

export type AuditEvent = ItemOf<'/api/v1/audit-events'>;
const PATH = '/api/v1/audit-events';
/** The API accepts at most 100 values in an `[in]` filter. */
const MAX_IN_VALUES = 100;

/** Who did what, when, on which entity; each event opens a before/after view of its changes. */
@Component({
  selector: 'mx-audit-events',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@admin.audit">Journal d'audit</h1>
        <span class="muted">{{ scope.label() }}</span>
      </div>
      <mx-data-table
        i18n-caption="@@audit.caption"
        caption="Événements d'audit"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="fetchPage"
        [scopeQuery]="scopeQuery()"
        i18n-emptyText="@@audit.empty"
        emptyText="Aucun événement ne correspond à ces critères."
      >
        <ng-template #rowActions let-event>
          <button mat-button type="button" (click)="open(event)" [attr.aria-label]="detailsLabel(event)" i18n="@@audit.details">Détails</button>
        </ng-template>
      </mx-data-table>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditEvents {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly locale = inject(LOCALE_ID);
  protected readonly scope = inject(BranchScope);

  private readonly entityNames = computed(() => new Map(this.scope.entities().map((e) => [e.id, e.name])));

  /** The chosen entity and what is below it (events of a branch's sub-units belong to its view). */
  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const selected = this.scope.entityId();
    if (!selected) return {};
    const ids = subtreeOf(selected, this.scope.entities());
    const query: Record<string, string> = {};
    if (ids.length <= MAX_IN_VALUES) query['filter[entityId][in]'] = ids.join(',');
    else query['filter[entityId]'] = selected;
    return query;
  });

  protected readonly columns: ReadonlyArray<TableColumn<AuditEvent>> = [
    { key: 'occurredAt', label: $localize`:@@audit.when:Date`, sortable: true, cell: (e) => formatDate(e.occurredAt, 'dd/MM/yyyy HH:mm:ss', this.locale) },
    { key: 'action', label: $localize`:@@audit.action:Action`, cell: (e) => e.action },
    { key: 'resource', label: $localize`:@@audit.resource:Élément`, cell: (e) => (e.resourceId ? `${e.resourceType} ${shortId(e.resourceId)}` : e.resourceType) },
    { key: 'entity', label: $localize`:@@audit.entity:Entité`, cell: (e) => (e.entityId ? (this.entityNames().get(e.entityId) ?? shortId(e.entityId)) : $localize`:@@audit.network:Réseau`) },
    { key: 'actor', label: $localize`:@@audit.actor:Auteur`, cell: (e) => (e.actorUserId ? (e.actorName ?? shortId(e.actorUserId)) : $localize`:@@audit.system:Système`) },
    { key: 'changes', label: $localize`:@@audit.changes:Champs modifiés`, cell: (e) => Object.keys(e.changes ?? {}).join(', ') },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[action][contains]', label: $localize`:@@audit.filterAction:Action contient`, type: 'text' },
    { key: 'filter[resourceType]', label: $localize`:@@audit.filterResource:Type d'élément`, type: 'text' },
    ...dateRangeFilters('occurredAt'),
  ];

  protected readonly fetchPage: PageFetcher<AuditEvent> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { query: dayBoundsToInstants(query, 'occurredAt') as QueryOf<typeof PATH> } }));
    // The collection also answers text/csv (exports); the table asks for JSON.
    return page as Exclude<typeof page, string>;
  };

  protected open(event: AuditEvent): void {
    this.dialog.open(AuditDiffDialog, { data: event, width: '720px', maxWidth: '95vw' });
  }

  protected detailsLabel(event: AuditEvent): string {
    return $localize`:@@audit.detailsOf:Détails de l'événement ${event.action}:action: du ${formatDate(event.occurredAt, 'dd/MM/yyyy HH:mm', this.locale)}:date:`;
  }
}

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

function subtreeOf(rootId: string, entities: ReadonlyArray<{ id: string; parentId: string | null }>): string[] {
  const ids = [rootId];
  for (let index = 0; index < ids.length; index++) {
    for (const entity of entities) if (entity.parentId === ids[index]) ids.push(entity.id);
  }
  return ids;
}
