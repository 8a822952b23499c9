import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import type { ItemOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';

type Segment = ItemOf<'/api/v1/segments'>;

const TARGET_LABELS: Record<string, string> = {
  organizations: $localize`:@@crm.companies:Entreprises`,
  persons: $localize`:@@crm.persons:Contacts`,
};
const TARGET_ROUTES: Record<string, string> = { organizations: '/crm/companies', persons: '/crm/persons' };

/** Saved filters of the user's entities with their live counts; opening one shows its list. */
@Component({
  selector: 'mx-segment-list',
  imports: [MatButton, EmptyState, LoadingState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@segments.title">Segments</h1>
      </div>
      @if (segments(); as list) {
        @if (list.length > 0) {
          <table class="segments">
            <caption class="visually-hidden" i18n="@@segments.title">Segments</caption>
            <thead>
              <tr>
                <th scope="col" i18n="@@segments.name">Nom du segment</th>
                <th scope="col" i18n="@@segments.target">Liste</th>
                <th scope="col" i18n="@@segments.entity">Entité propriétaire</th>
                <th scope="col" i18n="@@segments.count">Effectif</th>
                <th scope="col"><span class="visually-hidden" i18n="@@table.actions">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (segment of list; track segment.id) {
                <tr>
                  <th scope="row">{{ segment.name }}</th>
                  <td>{{ targetLabels[segment.target] }}</td>
                  <td>{{ entityName(segment.entityId) }}</td>
                  <td>{{ counts()[segment.id] ?? '…' }}</td>
                  <td class="actions">
                    <button mat-button type="button" (click)="open(segment)" i18n="@@segments.open">Ouvrir la liste</button>
                    @if (canWrite()) {
                      <button mat-button type="button" (click)="remove(segment)" i18n="@@segments.delete">Supprimer</button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <mx-empty-state icon="filter" i18n-heading="@@segments.empty" heading="Aucun segment enregistré.">
            <p i18n="@@segments.emptyHelp">Filtrez la liste des entreprises ou des contacts, puis « Enregistrer comme segment ».</p>
          </mx-empty-state>
        }
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `
    .segments { width: 100%; border-collapse: collapse; }
    th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    tbody th { font-weight: 500; }
    .actions { text-align: right; white-space: nowrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentList {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly scope = inject(BranchScope);
  private readonly session = inject(Session);

  protected readonly segments = signal<Segment[] | null>(null);
  protected readonly counts = signal<Record<string, number>>({});
  protected readonly targetLabels = TARGET_LABELS;
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('crm.segments.write') ?? false);

  constructor() {
    void this.load();
  }

  protected entityName(id: string): string {
    return this.scope.entities().find((entity) => entity.id === id)?.name ?? '—';
  }

  protected open(segment: Segment): void {
    void this.router.navigate([TARGET_ROUTES[segment.target]], { queryParams: segment.filter });
  }

  protected async remove(segment: Segment): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@segments.deleteTitle:Supprimer le segment « ${segment.name}:name: » ?`,
      message: $localize`:@@segments.deleteMessage:Les entreprises et contacts ne sont pas touchés : seul ce filtre enregistré disparaît.`,
      confirmLabel: $localize`:@@segments.delete:Supprimer`,
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await this.api.unwrap(this.api.client.DELETE('/api/v1/segments/{id}', { params: { path: { id: segment.id } } }));
      this.toaster.success($localize`:@@segments.deleted:Segment supprimé.`);
      await this.load();
    } catch (error) {
      this.toaster.error(error);
    }
  }

  private async load(): Promise<void> {
    try {
      const page = await this.api.unwrap(this.api.client.GET('/api/v1/segments', { params: { query: { limit: 200 } }, cache: 'no-store' }));
      this.segments.set(page.items);
      // Counts are live queries: each arrives on its own, the table shows « … » meanwhile.
      for (const segment of page.items) void this.count(segment.id);
    } catch (error) {
      this.segments.set([]);
      this.toaster.error(error);
    }
  }

  private async count(id: string): Promise<void> {
    try {
      const result = await this.api.unwrap(this.api.client.GET('/api/v1/segments/{id}/count', { params: { path: { id } }, cache: 'no-store' }));
      this.counts.update((counts) => ({ ...counts, [id]: result.count }));
    } catch {
      // One count failing leaves « … » on its row; the others still show.
    }
  }
}
