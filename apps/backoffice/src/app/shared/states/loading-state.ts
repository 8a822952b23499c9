import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

@Component({
  selector: 'mx-loading-state',
  imports: [MatProgressSpinner],
  template: `
    <div class="loading" role="status" aria-live="polite">
      <mat-spinner diameter="32" [attr.aria-label]="label()" />
      <span>{{ label() }}</span>
    </div>
  `,
  styles: `
    .loading { display: flex; align-items: center; gap: 12px; padding: 24px; color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingState {
  readonly label = input($localize`:@@loading:Chargement…`);
}
