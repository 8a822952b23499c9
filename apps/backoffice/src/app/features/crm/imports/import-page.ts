import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { JobProgress } from '../../../shared/progress/job-progress';
import { Toaster } from '../../../shared/toast/toaster';
import { ImportMapping, type ColumnOverrides, type MappingChoice } from './import-mapping';
import { ImportReport } from './import-report';
import { isRunning, progressOf, type DryRun, type ImportJob } from './import-types';

const POLL_MS = 1_000;

/**
 * Member-file import: upload a CSV or XLSX, read the dry run's row-by-row report, run it in the
 * background and follow its progress. The job id stays in the URL (`?job=…`), so a reload or a
 * shared link shows the same progress.
 */
@Component({
  selector: 'mx-import-page',
  imports: [FormsModule, MatButton, MatAnchor, MatFormField, MatLabel, MatSelect, MatOption, FormAlert, JobProgress, ImportReport, ImportMapping],
  templateUrl: './import-page.html',
  styles: `
    .upload { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 24px; }
    .file { display: flex; flex-direction: column; gap: 4px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 16px 0; }
    .summary { margin: 8px 0 0; }
    section + section { margin-top: 24px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  protected readonly scope = inject(BranchScope);

  /** Query param: the job followed on this page. */
  readonly job = input<string | undefined>(undefined);

  protected readonly entityId = linkedSignal(() => this.scope.defaultEntityId());
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly dryRun = signal<DryRun | null>(null);
  protected readonly current = signal<ImportJob | null>(null);
  protected readonly progress = computed(() => {
    const job = this.current();
    return job && job.status !== 'dry_run_done' ? progressOf(job) : null;
  });
  protected readonly canRun = computed(() => {
    const job = this.current();
    return !!job && (job.status === 'dry_run_done' || job.status === 'failed') && job.rows.valid > 0;
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    effect(() => {
      const id = this.job();
      untracked(() => {
        if (id && id !== this.current()?.id) void this.follow(id);
      });
    });
  }

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.alerts.set([]);
  }

  protected async analyse(overrides?: ColumnOverrides): Promise<void> {
    const file = this.file();
    if (!file) {
      this.alerts.set([$localize`:@@import.noFile:Choisissez d'abord un fichier CSV ou Excel (.xlsx).`]);
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    if (this.entityId()) form.append('entityId', this.entityId());
    if (overrides) form.append('columnOverrides', JSON.stringify(overrides));
    this.busy.set(true);
    this.alerts.set([]);
    clearTimeout(this.timer);
    try {
      const result = await this.api.unwrap(this.api.client.POST('/api/v1/imports', { body: form as never }));
      this.dryRun.set(result);
      this.current.set(result.job);
      await this.router.navigate([], { queryParams: { job: result.job.id }, replaceUrl: true });
    } catch (failure) {
      this.onError(failure);
    } finally {
      this.busy.set(false);
    }
  }

  /** Analyses the same file again with the corrected columns, saving them first when asked. */
  protected async remap(choice: MappingChoice): Promise<void> {
    if (choice.remember) {
      try {
        await this.api.unwrap(
          this.api.client.PUT('/api/v1/import-mappings/{entityId}', {
            params: { path: { entityId: this.dryRun()?.job.entityId ?? this.entityId() } },
            body: { columnOverrides: choice.overrides },
          }),
        );
        this.toaster.success($localize`:@@import.mappingSaved:Correspondance mémorisée pour les prochains fichiers.`);
      } catch (failure) {
        this.onError(failure);
        return;
      }
    }
    await this.analyse(choice.overrides);
  }

  protected async run(): Promise<void> {
    const job = this.current();
    if (!job) return;
    this.busy.set(true);
    this.alerts.set([]);
    try {
      this.current.set(await this.api.unwrap(this.api.client.POST('/api/v1/imports/{id}/run', { params: { path: { id: job.id } } })));
      this.schedulePoll();
    } catch (failure) {
      this.onError(failure);
    } finally {
      this.busy.set(false);
    }
  }

  /** A job opened from the URL: no report in memory, only its state and progress. */
  private async follow(id: string): Promise<void> {
    try {
      this.current.set(await this.api.unwrap(this.api.client.GET('/api/v1/imports/{id}', { params: { path: { id } }, cache: 'no-store' })));
      this.schedulePoll();
    } catch (failure) {
      this.toaster.error(failure);
    }
  }

  private schedulePoll(): void {
    clearTimeout(this.timer);
    const job = this.current();
    if (!job || !isRunning(job)) return;
    this.timer = setTimeout(() => void this.poll(job.id), POLL_MS);
  }

  private async poll(id: string): Promise<void> {
    try {
      const job = await this.api.unwrap(this.api.client.GET('/api/v1/imports/{id}', { params: { path: { id } }, cache: 'no-store' }));
      if (this.current()?.id !== id) return;
      this.current.set(job);
      if (job.status === 'completed') this.toaster.success($localize`:@@import.done:Import terminé.`);
    } catch {
      // A missed poll (network blip) is retried at the next tick; the job runs on regardless.
    }
    this.schedulePoll();
  }

  private onError(failure: unknown): void {
    if (!(failure instanceof ApiProblem)) {
      this.toaster.error(failure);
      return;
    }
    this.alerts.set([problemMessage(failure), ...failure.errors.map((error) => error.message)]);
  }
}
