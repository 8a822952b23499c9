import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import type { ResponseOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';

export type CreatedUser = ResponseOf<'/api/v1/users', 'post'>;

/** Creates an account; without a password the server issues a temporary one, shown once after. */
@Component({
  selector: 'mx-user-create-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@users.create">Nouvel utilisateur</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@users.name">Nom</mat-label>
          <input matInput formControlName="displayName" required cdkFocusInitial />
          <mat-error>{{ errorText(form.controls.displayName) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@users.email">Adresse e-mail</mat-label>
          <input matInput formControlName="email" type="email" required />
          <mat-error>{{ errorText(form.controls.email) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@users.home">Rattachement</mat-label>
          <mat-select formControlName="homeEntityId" required>
            @for (entity of scope.entities(); track entity.id) {
              <mat-option [value]="entity.id">{{ indent(entity.depth) }}{{ entity.name }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@users.homeHint">L'entité qui administre ce compte.</mat-hint>
          <mat-error>{{ errorText(form.controls.homeEntityId) }}</mat-error>
        </mat-form-field>
        <p class="muted" i18n="@@users.passwordNote">Un mot de passe temporaire sera généré et affiché une seule fois ; l'utilisateur le changera à sa première connexion.</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@users.createSubmit">Créer le compte</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserCreateDialog {
  private readonly api = inject(Api);
  protected readonly scope = inject(BranchScope);
  protected readonly ref = inject<MatDialogRef<UserCreateDialog, CreatedUser>>(MatDialogRef);

  protected readonly form = new FormGroup({
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    homeEntityId: new FormControl(this.scope.defaultEntityId(), { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;

  protected indent(depth: number): string {
    return '\u00a0\u00a0'.repeat(depth);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    try {
      const value = this.form.getRawValue();
      const created = await this.api.unwrap(
        this.api.client.POST('/api/v1/users', { body: { email: value.email.trim().toLowerCase(), displayName: value.displayName.trim(), homeEntityId: value.homeEntityId } }),
      );
      this.ref.close(created);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const unmatched = applyServerErrors(this.form, error.errors);
      this.alerts.set([problemMessage(error), ...unmatched]);
    } finally {
      this.busy.set(false);
    }
  }
}
