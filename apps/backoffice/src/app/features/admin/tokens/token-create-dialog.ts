import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
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
import { Session } from '../../../core/auth/session';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';

export type CreatedToken = ResponseOf<'/api/v1/personal-access-tokens', 'post'>;
const DEFAULT_DAYS = 90;

/** A token acts with a subset of the caller's own permissions, until its expiry date. */
@Component({
  selector: 'mx-token-create-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@tokens.create">Nouveau jeton d'accès</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@tokens.name">Nom</mat-label>
          <input matInput formControlName="name" required cdkFocusInitial />
          <mat-hint i18n="@@tokens.nameHint">Par exemple : synchronisation de l'annuaire</mat-hint>
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@tokens.permissions">Permissions</mat-label>
          <mat-select formControlName="permissions" multiple required>
            @for (permission of myPermissions(); track permission) {
              <mat-option [value]="permission">{{ permission }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@tokens.permissionsHint">Uniquement ce dont l'intégration a besoin.</mat-hint>
          <mat-error>{{ errorText(form.controls.permissions) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@tokens.expiresAt">Expire le</mat-label>
          <input matInput formControlName="expiresOn" type="date" required />
          <mat-error>{{ errorText(form.controls.expiresOn) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@tokens.createSubmit">Créer le jeton</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenCreateDialog {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  protected readonly ref = inject<MatDialogRef<TokenCreateDialog, CreatedToken>>(MatDialogRef);
  protected readonly myPermissions = computed(() => [...(this.session.me()?.permissions ?? [])].sort());
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    permissions: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.required] }),
    expiresOn: new FormControl(new Date(Date.now() + DEFAULT_DAYS * 86_400_000).toISOString().slice(0, 10), { nonNullable: true, validators: [Validators.required] }),
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    const { name, permissions, expiresOn } = this.form.getRawValue();
    try {
      const created = await this.api.unwrap(
        this.api.client.POST('/api/v1/personal-access-tokens', {
          body: { name: name.trim(), permissions, expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() },
        }),
      );
      this.ref.close(created);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // The form names the date `expiresOn`; the API's pointer is /expiresAt.
      const errors = error.errors.map((e) => (e.pointer === '/expiresAt' ? { ...e, pointer: '/expiresOn' } : e));
      this.alerts.set([problemMessage(error), ...applyServerErrors(this.form, errors)]);
    } finally {
      this.busy.set(false);
    }
  }
}
