import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { EmptyState } from '../../../shared/states/empty-state';
import { Toaster } from '../../../shared/toast/toaster';
import { MEMBERSHIP_STATUS_LABELS, frenchDate, type Membership, type MembershipType } from '../membership-labels';

type Status = 'pending' | 'active' | 'grace' | 'lapsed' | 'cancelled';

/** Memberships of the chosen branch (branch switcher), filtered by status and member type. */
@Component({
  selector: 'mx-membership-list',
  imports: [MatAnchor, MatFormField, MatLabel, MatSelect, MatOption, RouterLink, EmptyState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@ms.members">Adhérents</h1>
        @if (canWrite()) {
          <a mat-flat-button routerLink="/memberships/list/new" i18n="@@ms.join">Nouvelle adhésion</a>
        }
      </div>
      <div class="filters">
        <mat-form-field>
          <mat-label i18n="@@ms.status">Statut</mat-label>
          <mat-select [value]="status()" (valueChange)="status.set($event)">
            <mat-option [value]="''" i18n="@@ms.all">Tous</mat-option>
            @for (option of statuses; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@ms.type">Type de membre</mat-label>
          <mat-select [value]="typeId()" (valueChange)="typeId.set($event)">
            <mat-option [value]="''" i18n="@@ms.all">Tous</mat-option>
            @for (type of types(); track type.id) {
              <mat-option [value]="type.id">{{ type.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (shown().length === 0 && !loading()) {
        <mx-empty-state i18n-heading="@@ms.empty" heading="Aucune adhésion ne correspond à ces critères." />
      } @else {
        <table class="simple">
          <caption class="visually-hidden" i18n="@@ms.members">Adhérents</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@ms.company">Entreprise</th>
              <th scope="col" i18n="@@ms.type">Type de membre</th>
              <th scope="col" i18n="@@ms.status">Statut</th>
              <th scope="col" i18n="@@ms.since">Adhérent depuis</th>
              <th scope="col" i18n="@@ms.periodEnd">Fin de période</th>
            </tr>
          </thead>
          <tbody>
            @for (membership of shown(); track membership.id) {
              <tr>
                <td><a [routerLink]="['/memberships/list', membership.id]">{{ membership.organizationName }}</a></td>
                <td>{{ membership.type.label }}</td>
                <td>{{ statusLabel(membership.status) }}</td>
                <td>{{ date(membership.startedOn) }}</td>
                <td>{{ date(membership.currentPeriodEnd) }}</td>
              </tr>
            }
          </tbody>
        </table>
        @if (items().length >= 500) {
          <p class="muted" i18n="@@ms.limit">Seules les 500 adhésions les plus récentes sont affichées.</p>
        }
      }
    </section>
  `,
  styles: `
    .filters { display: flex; gap: 16px; flex-wrap: wrap; }
    table.simple { border-collapse: collapse; width: 100%; }
    table.simple th, table.simple td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipList {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);
  private readonly session = inject(Session);

  protected readonly statuses = Object.entries(MEMBERSHIP_STATUS_LABELS).map(([value, label]) => ({ value: value as Status, label }));
  protected readonly status = signal<Status | ''>('');
  protected readonly typeId = signal('');
  protected readonly items = signal<Membership[]>([]);
  protected readonly types = signal<MembershipType[]>([]);
  protected readonly loading = signal(false);
  protected readonly shown = computed(() => (this.typeId() ? this.items().filter((m) => m.type.id === this.typeId()) : this.items()));
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('membership.memberships.write') ?? false);

  constructor() {
    effect(() => {
      const entityId = this.scope.entityId();
      const status = this.status();
      untracked(() => void this.load(entityId, status));
    });
  }

  protected statusLabel(status: string): string {
    return MEMBERSHIP_STATUS_LABELS[status] ?? status;
  }
  protected date(iso: string): string {
    return frenchDate(iso);
  }

  private async load(entityId: string | null, status: Status | ''): Promise<void> {
    this.loading.set(true);
    try {
      const query = { ...(entityId ? { entityId } : {}), ...(status ? { status } : {}) };
      const [memberships, types] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/memberships', { params: { query } })),
        this.api.unwrap(this.api.client.GET('/api/v1/membership/types', { params: { query: entityId ? { entityId } : {} } })),
      ]);
      this.items.set(memberships.items);
      this.types.set(types.items);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.loading.set(false);
    }
  }
}
