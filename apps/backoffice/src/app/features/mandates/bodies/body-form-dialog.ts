import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import type { BodyOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { BODY_KIND_LABELS, asOptions, type MandateBody } from '../mandate-labels';

type CreateBody = BodyOf<'/api/v1/mandate-bodies'>;

/**
 * Declares a body for one of the user's entities, its owner (the only one that may correct it), or
 * corrects one (`data`): network-wide reference data, its name is unique.
 */
@Component({
  selector: 'mx-body-form-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatHint, MatInput, MatError, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title>{{ current ? editTitle : createTitle }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.bodyName">Nom</mat-label>
          <input matInput formControlName="name" required cdkFocusInitial />
          <mat-hint i18n="@@md.bodyNameHint">Par exemple « Conseil de prud'hommes de Lyon »</mat-hint>
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.kind">Type d'instance</mat-label>
          <mat-select formControlName="kind" required>
            @for (option of kinds; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorText(form.controls.kind) }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@md.departementOptional">Département (facultatif)</mat-label>
            <input matInput formControlName="departementCode" />
            <mat-hint i18n="@@md.departementHint">Code, par exemple 69 ou 2A</mat-hint>
            <mat-error>{{ errorText(form.controls.departementCode) }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label i18n="@@md.communeOptional">Commune (facultatif)</mat-label>
            <input matInput formControlName="commune" />
            <mat-error>{{ errorText(form.controls.commune) }}</mat-error>
          </mat-form-field>
        </div>
        @if (!current) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@md.bodyOwner">Structure propriétaire</mat-label>
            <mat-select formControlName="entityId" required>
              @for (entity of scope.entities(); track entity.id) {
                <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
              }
            </mat-select>
            <mat-hint i18n="@@md.bodyOwnerHint">Seule cette structure pourra modifier l'instance.</mat-hint>
            <mat-error>{{ errorText(form.controls.entityId) }}</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@md.bodySave">Enregistrer l'instance</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .row { display: flex; gap: 16px; flex-wrap: wrap; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BodyFormDialog {
  private readonly api = inject(Api);
  protected readonly scope = inject(BranchScope);
  protected readonly ref = inject<MatDialogRef<BodyFormDialog, MandateBody>>(MatDialogRef);
  /** The body to correct; null to declare one. */
  protected readonly current = inject<MandateBody | null>(MAT_DIALOG_DATA, { optional: true });
  protected readonly createTitle = $localize`:@@md.bodyCreate:Nouvelle instance`;
  protected readonly editTitle = $localize`:@@md.bodyEdit:Modifier l'instance`;

  protected readonly kinds = asOptions(BODY_KIND_LABELS);
  protected readonly form = new FormGroup({
    name: new FormControl(this.current?.name ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    kind: new FormControl<string>(this.current?.kind ?? '', { nonNullable: true, validators: [Validators.required] }),
    departementCode: new FormControl(this.current?.departementCode ?? '', { nonNullable: true }),
    commune: new FormControl(this.current?.commune ?? '', { nonNullable: true }),
    // The owner is chosen once, at creation.
    entityId: new FormControl(
      { value: this.current?.entityId ?? this.scope.defaultEntityId(), disabled: this.current !== null },
      { nonNullable: true, validators: [Validators.required] },
    ),
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly errorText = fieldErrorText;

  protected submit(): Promise<void> {
    return this.submission.submit(() => this.save(), (saved) => this.ref.close(saved));
  }

  private save(): Promise<MandateBody> {
    const value = this.form.getRawValue();
    const body = {
      name: value.name.trim(),
      kind: value.kind as CreateBody['kind'],
      departementCode: value.departementCode.trim().toUpperCase() || null,
      commune: value.commune.trim() || null,
    };
    const current = this.current;
    const saved = current
      ? this.api.client.PATCH('/api/v1/mandate-bodies/{id}', { params: { path: { id: current.id } }, body, headers: mergePatchHeaders(`"${current.version}"`) })
      : this.api.client.POST('/api/v1/mandate-bodies', { body: { ...body, entityId: value.entityId } });
    return this.api.unwrap(saved);
  }
}
