import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Form-level errors (problem detail, or field errors that match no field), announced to screen readers. */
@Component({
  selector: 'mx-form-alert',
  template: `
    @if (messages().length > 0) {
      <div class="alert" role="alert">
        @for (message of messages(); track $index) {
          <p>{{ message }}</p>
        }
      </div>
    }
  `,
  styles: `
    .alert {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      border-radius: 8px;
      padding: 8px 16px;
      margin-bottom: 16px;
    }
    p { margin: 4px 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormAlert {
  readonly messages = input<readonly string[]>([]);
}
