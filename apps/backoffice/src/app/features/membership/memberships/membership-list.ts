import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { Toaster } from '../../../shared/toast/toaster';
import { MEMBERSHIP_STATUS_LABELS, frenchDate, type Membership, type MembershipType } from '../membership-labels';

const PATH = '/api/v1/memberships';

/** Memberships of the chosen branch (branch switcher), paged by the server, filtered by status and member type. */
@Component({
  selector: 'mx-membership-list',
  imports: [MatAnchor, RouterLink, DataTable],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@ms.members">Adhérents</h1>
        @if (canWrite()) {
          <a mat-flat-button routerLink="/memberships/list/new" i18n="@@ms.join">Nouvelle adhésion</a>
        }
      </div>
      <mx-data-table [caption]="title" [columns]="columns" [filters]="filters()" [fetchPage]="fetchPage" [scopeQuery]="scopeQuery()" defaultSort="-createdAt" [emptyText]="empty" />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipList {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);
  private readonly session = inject(Session);

  protected readonly title = $localize`:@@ms.members:Adhérents`;
  protected readonly empty = $localize`:@@ms.empty:Aucune adhésion ne correspond à ces critères.`;
  protected readonly types = signal<MembershipType[]>([]);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('membership.memberships.write') ?? false);

  protected readonly columns: ReadonlyArray<TableColumn<Membership>> = [
    { key: 'company', label: $localize`:@@ms.company:Entreprise`, cell: (m) => m.organizationName, link: (m) => ['/memberships/list', m.id] },
    { key: 'type', label: $localize`:@@ms.type:Type de membre`, cell: (m) => m.type.label },
    { key: 'status', label: $localize`:@@ms.status:Statut`, cell: (m) => MEMBERSHIP_STATUS_LABELS[m.status] ?? m.status },
    { key: 'startedOn', label: $localize`:@@ms.since:Adhérent depuis`, sortable: true, cell: (m) => frenchDate(m.startedOn) },
    { key: 'periodEnd', label: $localize`:@@ms.periodEnd:Fin de période`, cell: (m) => frenchDate(m.currentPeriodEnd) },
  ];

  protected readonly filters = computed<readonly TableFilter[]>(() => [
    { key: 'filter[status]', label: $localize`:@@ms.status:Statut`, type: 'select', options: Object.entries(MEMBERSHIP_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
    { key: 'filter[typeId]', label: $localize`:@@ms.type:Type de membre`, type: 'select', options: this.types().map((type) => ({ value: type.id, label: type.label })) },
  ]);

  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['filter[entityId]'] = entityId;
    return query;
  });

  protected readonly fetchPage: PageFetcher<Membership> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { query: query as unknown as QueryOf<typeof PATH> } }));
    return page as Exclude<typeof page, string>;
  };

  constructor() {
    effect(() => {
      const entityId = this.scope.entityId();
      untracked(() => void this.loadTypes(entityId));
    });
  }

  private async loadTypes(entityId: string | null): Promise<void> {
    try {
      const types = await this.api.unwrap(this.api.client.GET('/api/v1/membership/types', { params: { query: entityId ? { entityId } : {} } }));
      this.types.set(types.items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
