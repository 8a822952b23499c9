import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../../core/api/api';
import type { ItemOf, QueryOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { UserCreateDialog } from './user-create-dialog';
import { USER_STATUS_LABELS } from './user-labels';

export type User = ItemOf<'/api/v1/users'>;
const PATH = '/api/v1/users';

/** Staff accounts homed in the entities the caller administers, narrowed to the branch switcher's choice. */
@Component({
  selector: 'mx-users-list',
  imports: [DataTable, MatButton, MatIcon],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@admin.users">Utilisateurs</h1>
        @if (canManage()) {
          <button mat-flat-button type="button" (click)="create()">
            <mat-icon svgIcon="add" aria-hidden="true" />
            <ng-container i18n="@@users.create">Nouvel utilisateur</ng-container>
          </button>
        }
      </div>
      <mx-data-table
        i18n-caption="@@admin.users"
        caption="Utilisateurs"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="fetchPage"
        [scopeQuery]="scopeQuery()"
        [refresh]="refresh()"
        i18n-emptyText="@@users.empty"
        emptyText="Aucun utilisateur ne correspond à ces critères."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersList {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);

  protected readonly refresh = signal(0);
  protected readonly canManage = computed(() => this.session.me()?.permissions.includes('identity.users.manage') ?? false);
  /** The branch switcher's choice: users homed in that entity or below it ("whole network": no filter). */
  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['entityId'] = entityId;
    return query;
  });
  private readonly entityNames = computed(() => new Map(this.scope.entities().map((e) => [e.id, e.name])));

  protected readonly columns: ReadonlyArray<TableColumn<User>> = [
    { key: 'displayName', label: $localize`:@@users.name:Nom`, cell: (u) => u.displayName, link: (u) => ['/admin/users', u.id] },
    { key: 'email', label: $localize`:@@users.email:Adresse e-mail`, cell: (u) => u.email },
    { key: 'home', label: $localize`:@@users.home:Rattachement`, cell: (u) => this.entityNames().get(u.homeEntityId) ?? '—' },
    { key: 'status', label: $localize`:@@users.status:État`, cell: (u) => USER_STATUS_LABELS[u.status] ?? u.status },
    { key: 'mfa', label: $localize`:@@users.mfa:Double authentification`, cell: (u) => (u.mfaEnabled ? $localize`:@@yes:Oui` : $localize`:@@no:Non`) },
    {
      key: 'lastLoginAt',
      label: $localize`:@@users.lastLogin:Dernière connexion`,
      cell: (u) => (u.lastLoginAt ? formatDate(u.lastLoginAt, 'dd/MM/yyyy HH:mm', this.locale) : $localize`:@@users.never:Jamais`),
    },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'search', label: $localize`:@@users.search:Nom ou e-mail`, type: 'text' },
    {
      key: 'status',
      label: $localize`:@@users.status:État`,
      type: 'select',
      options: Object.entries(USER_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    },
  ];

  protected readonly fetchPage: PageFetcher<User> = (query) =>
    this.api.unwrap(this.api.client.GET(PATH, { params: { query: query as unknown as QueryOf<typeof PATH> } }));

  protected async create(): Promise<void> {
    const ref = this.dialog.open(UserCreateDialog, { width: '560px', maxWidth: '95vw' });
    const created = await firstValueFrom(ref.afterClosed());
    if (created) {
      this.refresh.update((n) => n + 1);
      await this.router.navigate(['/admin/users', created.user.id], { state: { temporaryPassword: created.temporaryPassword } });
    }
  }
}
