import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../core/api/api';
import { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';
import { FormAlert } from '../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../shared/form/server-errors';

/**
 * The server's password rule (PASSWORD_MIN_LENGTH in the identity module), checked here only to
 * answer before the round trip: the server stays authoritative and its field errors are shown too.
 */
export const PASSWORD_MIN_LENGTH = 12;

function sameAsNew(control: AbstractControl): ValidationErrors | null {
  const form = control.parent as FormGroup | null;
  const expected = form?.get('newPassword')?.value as string | undefined;
  return expected !== undefined && control.value !== expected ? { mismatch: true } : null;
}

/** Current + new password (typed twice); emits `changed` once the server accepted it. */
@Component({
  selector: 'mx-change-password-form',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, FormAlert],
  template: `
    <mx-form-alert [messages]="alerts()" />
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@password.current">Mot de passe actuel</mat-label>
        <input matInput formControlName="currentPassword" type="password" autocomplete="current-password" required />
        <mat-error>{{ errorText(form.controls.currentPassword) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@password.new">Nouveau mot de passe</mat-label>
        <input matInput formControlName="newPassword" type="password" autocomplete="new-password" required (input)="form.controls.confirmation.updateValueAndValidity()" />
        <mat-hint i18n="@@password.rule">Au moins {{ minLength }} caractères. Une phrase de passe facile à retenir convient très bien.</mat-hint>
        <mat-error>{{ errorText(form.controls.newPassword) }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@password.confirmation">Confirmer le nouveau mot de passe</mat-label>
        <input matInput formControlName="confirmation" type="password" autocomplete="new-password" required />
        <mat-error>
          @if (form.controls.confirmation.hasError('mismatch')) {
            <ng-container i18n="@@password.mismatch">Les deux saisies ne correspondent pas.</ng-container>
          } @else {
            {{ errorText(form.controls.confirmation) }}
          }
        </mat-error>
      </mat-form-field>
      <p class="muted" i18n="@@password.otherSessions">Vos autres sessions ouvertes seront fermées.</p>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@password.submit">Changer le mot de passe</button>
      </div>
    </form>
  `,
  styles: `
    form { display: flex; flex-direction: column; gap: 4px; max-width: 420px; }
    .actions { display: flex; justify-content: flex-end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordForm {
  private readonly api = inject(Api);
  readonly changed = output<void>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)] }),
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAsNew] }),
  });
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    const { currentPassword, newPassword } = this.form.getRawValue();
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/auth/password', { body: { currentPassword, newPassword } }));
      this.form.reset();
      this.changed.emit();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const unmatched = applyServerErrors(this.form, error.errors);
      // Field errors speak for themselves; the generic sentence only when nothing matched a field.
      this.alerts.set(unmatched.length > 0 || error.errors.length === 0 ? [problemMessage(error), ...unmatched] : []);
    } finally {
      this.busy.set(false);
    }
  }
}
