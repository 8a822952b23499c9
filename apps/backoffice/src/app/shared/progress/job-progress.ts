import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

export interface JobProgressValue {
  state: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
  /** Units done and total; total unknown (null) shows an indeterminate bar. */
  done: number;
  total: number | null;
  message?: string;
}

/** Progress of a long-running server job (imports, exports, re-encryption…). */
@Component({
  selector: 'mx-job-progress',
  imports: [MatProgressBar],
  template: `
    <div class="job" role="status" aria-live="polite">
      <div class="line">
        <span class="label">{{ label() }}</span>
        <span class="state">{{ stateText() }}</span>
      </div>
      <mat-progress-bar [mode]="mode()" [value]="percent()" [attr.aria-label]="label()" />
      @if (value().message) {
        <p class="muted">{{ value().message }}</p>
      }
    </div>
  `,
  styles: `
    .job { padding: 8px 0; }
    .line { display: flex; justify-content: space-between; margin-bottom: 4px; }
    .state { color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JobProgress {
  readonly label = input.required<string>();
  readonly value = input.required<JobProgressValue>();

  protected readonly percent = computed(() => {
    const { done, total, state } = this.value();
    if (state === 'completed') return 100;
    return total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  });
  protected readonly mode = computed(() => {
    const { state, total } = this.value();
    if (state === 'queued') return 'buffer' as const;
    return state === 'running' && !total ? ('indeterminate' as const) : ('determinate' as const);
  });
  protected readonly stateText = computed(() => {
    const { state, done, total } = this.value();
    switch (state) {
      case 'queued':
        return $localize`:@@job.queued:En attente`;
      case 'running':
        return total ? $localize`:@@job.runningCount:${done}:done: / ${total}:total: (${this.percent()}:percent: %)` : $localize`:@@job.running:En cours`;
      case 'completed':
        return $localize`:@@job.completed:Terminé`;
      case 'failed':
        return $localize`:@@job.failed:Échec`;
      case 'cancelled':
        return $localize`:@@job.cancelled:Annulé`;
    }
  });
}
