import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import type { BodyOf, ResponseOf } from '../../../core/api/api-types';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { ENTITY_KIND_LABELS } from './entity-kinds';

type CreateEntity = BodyOf<'/api/v1/entities', 'post'>;
export type CreatedEntity = ResponseOf<'/api/v1/entities/{id}'>;
export interface EntityCreateData {
  parent: { id: string; name: string };
}

const CREATABLE_KINDS: readonly CreateEntity['kind'][] = ['region', 'departement', 'federation', 'other'];

/** A new entity under the selected one; identity and contact details are filled in afterwards. */
@Component({
  selector: 'mx-entity-create-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@entities.createTitle">Nouvelle entité sous {{ data.parent.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@entities.name">Nom</mat-label>
          <input matInput formControlName="name" required cdkFocusInitial />
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        </mat-form-field>
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@entities.code">Code</mat-label>
            <input matInput formControlName="code" required />
            <mat-hint i18n="@@entities.codeHint">Unique ; majuscules, chiffres et tirets (ex. FED-BTP).</mat-hint>
            <mat-error>{{ codeError() }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@entities.kind">Type</mat-label>
            <mat-select formControlName="kind" required>
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorText(form.controls.kind) }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@entities.createSubmit">Créer l'entité</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityCreateDialog {
  private readonly api = inject(Api);
  protected readonly data = inject<EntityCreateData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<EntityCreateDialog, CreatedEntity>>(MatDialogRef);

  protected readonly kinds = CREATABLE_KINDS;
  protected readonly kindLabels = ENTITY_KIND_LABELS;
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)] }),
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(/^[A-Z0-9][A-Z0-9-]{0,19}$/)] }),
    kind: new FormControl<CreateEntity['kind']>('other', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;

  protected codeError(): string {
    const control = this.form.controls.code;
    return control.hasError('pattern') ? $localize`:@@entities.codePattern:Majuscules, chiffres et tirets, 20 caractères au plus.` : fieldErrorText(control);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.form.controls.code.setValue(this.form.controls.code.value.trim().toUpperCase());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    const { name, code, kind } = this.form.getRawValue();
    try {
      const created = await this.api.unwrap(this.api.client.POST('/api/v1/entities', { body: { name: name.trim(), code, kind, parentId: this.data.parent.id } }));
      this.ref.close(created as CreatedEntity);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const unmatched = applyServerErrors(this.form, error.errors);
      if (unmatched.length > 0 || error.errors.length === 0) this.alerts.set([problemMessage(error), ...unmatched]);
    } finally {
      this.busy.set(false);
    }
  }
}
