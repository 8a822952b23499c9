import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** A calm "nothing here (yet)" panel; the projected content says what to do next. */
@Component({
  selector: 'mx-empty-state',
  imports: [MatIcon],
  template: `
    <div class="empty" role="status">
      <mat-icon [svgIcon]="icon()" aria-hidden="true" />
      <h2>{{ heading() }}</h2>
      <ng-content />
    </div>
  `,
  styles: `
    .empty {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 4px;
      padding: 40px 16px;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    mat-icon { width: 40px; height: 40px; color: var(--mat-sys-primary); }
    h2 { color: var(--mat-sys-on-surface); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyState {
  readonly icon = input('search');
  readonly heading = input.required<string>();
}
