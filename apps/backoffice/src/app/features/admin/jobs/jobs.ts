import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { Api } from '../../../core/api/api';
import type { ItemOf } from '../../../core/api/api-types';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';

type Queue = ItemOf<'/api/v1/jobs'>;
type FailedJob = ItemOf<'/api/v1/jobs/failed'>;

/** Background queues (counts, lag) and failed jobs, which an operator can run again. */
@Component({
  selector: 'mx-jobs',
  imports: [MatTableModule, MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption, EmptyState, LoadingState, DatePipe, DecimalPipe],
  templateUrl: './jobs.html',
  styles: `
    .frame { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; margin-bottom: 24px; }
    table { width: 100%; }
    .num { text-align: right; }
    .lagging { color: var(--mat-sys-error); font-weight: 600; }
    .error { max-width: 420px; word-break: break-word; }
    .toolbar { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
    h2 { margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Jobs {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly queues = signal<Queue[] | null>(null);
  protected readonly failed = signal<FailedJob[] | null>(null);
  protected readonly retrying = signal<string | null>(null);
  private readonly params = toSignal(this.route.queryParamMap);
  /** Bookmarkable like the data tables: `?queue=…`. */
  protected readonly queueFilter = computed(() => this.params()?.get('queue') ?? '');
  protected readonly queueColumns = ['queue', 'waiting', 'lag', 'active', 'retry', 'failed', 'completed'];
  protected readonly failedColumns = ['queue', 'kind', 'failedAt', 'retryCount', 'error', 'actions'];

  constructor() {
    void this.reload();
  }

  protected async reload(): Promise<void> {
    try {
      const queue = this.queueFilter();
      const [queues, failed] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/jobs')),
        this.api.unwrap(this.api.client.GET('/api/v1/jobs/failed', { params: { query: { limit: 100, ...(queue ? { queue } : {}) } } })),
      ]);
      this.queues.set(queues.items);
      this.failed.set(failed.items);
    } catch (error) {
      this.queues.set(this.queues() ?? []);
      this.failed.set(this.failed() ?? []);
      this.toaster.error(error);
    }
  }

  protected async filterQueue(queue: string): Promise<void> {
    await this.router.navigate([], { relativeTo: this.route, queryParams: { queue: queue || null }, queryParamsHandling: 'merge' });
    await this.reload();
  }

  protected async retry(job: FailedJob): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@jobs.retryTitle:Relancer la tâche ?`,
      message: $localize`:@@jobs.retryMessage:La tâche ${job.id}:id: de la file ${job.queue}:queue: sera exécutée à nouveau. Vérifiez que la cause de l'échec est corrigée.`,
      confirmLabel: $localize`:@@jobs.retry:Relancer`,
    });
    if (!confirmed) return;
    this.retrying.set(job.id);
    try {
      const result = await this.api.unwrap(this.api.client.POST('/api/v1/jobs/{queue}/{id}/retry', { params: { path: { queue: job.queue, id: job.id } } }));
      this.toaster.success(
        result.action === 'redriven'
          ? $localize`:@@jobs.redriven:Tâche renvoyée dans sa file d'origine.`
          : $localize`:@@jobs.retried:Tâche relancée.`,
      );
      await this.reload();
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.retrying.set(null);
    }
  }

  protected lagText(seconds: number): string {
    if (seconds < 60) return $localize`:@@jobs.lagSeconds:${Math.round(seconds)}:s: s`;
    if (seconds < 3600) return $localize`:@@jobs.lagMinutes:${Math.round(seconds / 60)}:m: min`;
    return $localize`:@@jobs.lagHours:${Math.round(seconds / 3600)}:h: h`;
  }
}
