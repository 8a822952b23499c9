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
import { SEAT_ROLE_LABELS, asOptions, type MandateBody, type Seat } from '../mandate-labels';

type CreateSeat = BodyOf<'/api/v1/mandate-seats'>;

export interface SeatFormData {
  body: MandateBody;
  /** The seat to change (label, role); absent to declare one. */
  seat?: Seat;
}

/** Declares a seat of a body for one of the user's entities, titular or substitute, or changes one. */
@Component({
  selector: 'mx-seat-form-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatHint, MatInput, MatError, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title>{{ data.seat ? editTitle : createTitle }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <p>{{ data.body.name }}</p>
        @if (!data.seat) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@md.entity">Structure</mat-label>
            <mat-select formControlName="entityId" required>
              @for (entity of scope.entities(); track entity.id) {
                <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorText(form.controls.entityId) }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.seatLabel">Libellé</mat-label>
          <input matInput formControlName="label" required cdkFocusInitial />
          <mat-hint i18n="@@md.seatLabelHint">Par exemple « Collège employeurs, section commerce »</mat-hint>
          <mat-error>{{ errorText(form.controls.label) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.role">Rôle</mat-label>
          <mat-select formControlName="role" required>
            @for (option of roles; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorText(form.controls.role) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@md.seatSave">Enregistrer le siège</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SeatFormDialog {
  private readonly api = inject(Api);
  protected readonly scope = inject(BranchScope);
  protected readonly data = inject<SeatFormData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<SeatFormDialog, Seat>>(MatDialogRef);
  protected readonly createTitle = $localize`:@@md.seatCreate:Nouveau siège`;
  protected readonly editTitle = $localize`:@@md.seatEdit:Modifier le siège`;

  protected readonly roles = asOptions(SEAT_ROLE_LABELS);
  protected readonly form = new FormGroup({
    entityId: new FormControl(this.data.seat?.entityId ?? this.scope.defaultEntityId(), { nonNullable: true, validators: [Validators.required] }),
    label: new FormControl(this.data.seat?.label ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    role: new FormControl<string>(this.data.seat?.role ?? 'titular', { nonNullable: true, validators: [Validators.required] }),
  });
  protected readonly submission = formSubmission(this.form);
  protected readonly errorText = fieldErrorText;

  protected submit(): Promise<void> {
    return this.submission.submit(() => this.save(), (saved) => this.ref.close(saved));
  }

  private save(): Promise<Seat> {
    const value = this.form.getRawValue();
    const fields = { label: value.label.trim(), role: value.role as CreateSeat['role'] };
    const seat = this.data.seat;
    const saved = seat
      ? this.api.client.PATCH('/api/v1/mandate-seats/{id}', { params: { path: { id: seat.id } }, body: fields, headers: mergePatchHeaders(`"${seat.version}"`) })
      : this.api.client.POST('/api/v1/mandate-seats', { body: { ...fields, entityId: value.entityId, bodyId: this.data.body.id } });
    return this.api.unwrap(saved);
  }
}
