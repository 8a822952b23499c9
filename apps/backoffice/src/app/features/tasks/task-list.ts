import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { ActivatedRoute, Router } from '@angular/router';
import { Api, mergePatchHeaders } from '../../core/api/api';
import type { QueryOf } from '../../core/api/api-types';
import { Session } from '../../core/auth/session';
import { BranchScope } from '../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn } from '../../shared/data-table/data-table';
import { Toaster } from '../../shared/toast/toaster';
import { frenchDate } from '../membership/membership-labels';
import { TASK_STATUS_LABELS, relatedLabel, relatedLink, type Task } from './task-labels';

const PATH = '/api/v1/tasks';
type Whose = 'branch' | 'mine';
type State = 'open' | 'done';

/**
 * The follow-up tasks of the chosen branch (branch switcher) or assigned to the user, to do or
 * done, soonest due first. The two choices live in the URL (`whose`, `state`), like the table's.
 */
@Component({
  selector: 'mx-task-list',
  imports: [DataTable, MatButton, MatButtonToggleGroup, MatButtonToggle],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@tasks.title">Tâches</h1>
      </div>
      <div class="choices">
        <mat-button-toggle-group [value]="whose()" (change)="choose({ whose: $event.value })" i18n-aria-label="@@tasks.whose" aria-label="Tâches affichées">
          <mat-button-toggle value="branch" i18n="@@tasks.branch">Ma structure</mat-button-toggle>
          <mat-button-toggle value="mine" i18n="@@tasks.mine">Mes tâches</mat-button-toggle>
        </mat-button-toggle-group>
        <mat-button-toggle-group [value]="state()" (change)="choose({ state: $event.value })" i18n-aria-label="@@tasks.state" aria-label="État">
          <mat-button-toggle value="open" i18n="@@tasks.open">À faire</mat-button-toggle>
          <mat-button-toggle value="done" i18n="@@tasks.done">Terminées</mat-button-toggle>
        </mat-button-toggle-group>
      </div>
      <mx-data-table
        [caption]="caption()"
        [columns]="columns"
        [fetchPage]="fetchPage"
        [scopeQuery]="scopeQuery()"
        [refresh]="refresh()"
        defaultSort="dueOn"
        [emptyText]="state() === 'open' ? emptyOpen : emptyDone"
      >
        <ng-template #rowActions let-row>
          @if (canWrite()) {
            @if (row.status === 'open') {
              <button mat-button type="button" (click)="setStatus(row, 'done')" [disabled]="busy()" i18n="@@tasks.markDone">Marquer comme faite</button>
            } @else {
              <button mat-button type="button" (click)="setStatus(row, 'open')" [disabled]="busy()" i18n="@@tasks.reopen">Rouvrir</button>
            }
          }
        </ng-template>
      </mx-data-table>
    </section>
  `,
  styles: `.choices { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 16px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskList {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly whose = computed<Whose>(() => (this.params().get('whose') === 'mine' ? 'mine' : 'branch'));
  protected readonly state = computed<State>(() => (this.params().get('state') === 'done' ? 'done' : 'open'));
  protected readonly refresh = signal(0);
  protected readonly busy = signal(false);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('tasks.write') ?? false);
  protected readonly emptyOpen = $localize`:@@tasks.emptyOpen:Aucune tâche à faire.`;
  protected readonly emptyDone = $localize`:@@tasks.emptyDone:Aucune tâche terminée.`;
  protected readonly caption = computed(() =>
    this.state() === 'open' ? $localize`:@@tasks.captionOpen:Tâches à faire` : $localize`:@@tasks.captionDone:Tâches terminées`,
  );

  protected readonly columns: ReadonlyArray<TableColumn<Task>> = [
    { key: 'dueOn', label: $localize`:@@tasks.dueOn:Échéance`, sortable: true, cell: (t) => frenchDate(t.dueOn) },
    { key: 'title', label: $localize`:@@tasks.task:Tâche`, cell: (t) => t.title },
    { key: 'related', label: $localize`:@@tasks.related:Concerne`, cell: (t) => relatedLabel(t), link: (t) => relatedLink(t) },
    { key: 'status', label: $localize`:@@tasks.status:Statut`, cell: (t) => TASK_STATUS_LABELS[t.status] ?? t.status },
  ];

  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const query: Record<string, string> = { 'filter[status]': this.state() };
    const userId = this.session.user()?.id;
    const entityId = this.scope.entityId();
    if (this.whose() === 'mine' && userId) query['filter[assigneeUserId]'] = userId;
    else if (this.whose() === 'branch' && entityId) query['filter[entityId]'] = entityId;
    return query;
  });

  protected readonly fetchPage: PageFetcher<Task> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { query: query as unknown as QueryOf<typeof PATH> } }));
    return page as Exclude<typeof page, string>;
  };

  protected choose(change: { whose?: Whose; state?: State }): void {
    // A new list: its pages start over.
    void this.router.navigate([], { relativeTo: this.route, queryParams: { ...change, cursor: null }, queryParamsHandling: 'merge' });
  }

  protected async setStatus(task: Task, status: 'open' | 'done'): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.unwrap(
        this.api.client.PATCH('/api/v1/tasks/{id}', { params: { path: { id: task.id } }, body: { status }, headers: mergePatchHeaders(`"${task.version}"`) }),
      );
      this.toaster.success(status === 'done' ? $localize`:@@tasks.doneToast:Tâche terminée.` : $localize`:@@tasks.reopenedToast:Tâche rouverte.`);
      this.refresh.update((n) => n + 1);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }
}
