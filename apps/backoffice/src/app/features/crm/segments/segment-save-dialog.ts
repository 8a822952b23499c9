import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import type { BodyOf, ResponseOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { problemMessageFirst } from '../../../shared/form/form-alerts';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';

type CreateSegment = BodyOf<'/api/v1/segments'>;
export type Segment = ResponseOf<'/api/v1/segments/{id}'>;

export interface SegmentSaveData {
  target: CreateSegment['target'];
  filter: Record<string, string>;
}

/** Names the filters on screen and saves them as a segment of one of the user's entities. */
@Component({
  selector: 'mx-segment-save-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@segments.saveTitle">Enregistrer comme segment</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <p class="muted" i18n="@@segments.saveHelp">Le segment garde les filtres affichés ; son effectif est recalculé à chaque consultation.</p>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@segments.name">Nom du segment</mat-label>
          <input matInput formControlName="name" required cdkFocusInitial />
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        </mat-form-field>
        @if (scope.entities().length > 1) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@segments.entity">Entité propriétaire</mat-label>
            <mat-select formControlName="entityId" required>
              @for (entity of scope.entities(); track entity.id) {
                <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorText(form.controls.entityId) }}</mat-error>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@segments.save">Enregistrer le segment</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentSaveDialog {
  private readonly api = inject(Api);
  protected readonly scope = inject(BranchScope);
  private readonly data = inject<SegmentSaveData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<SegmentSaveDialog, Segment>>(MatDialogRef);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    entityId: new FormControl(this.scope.defaultEntityId(), { nonNullable: true, validators: [Validators.required] }),
  });
  // Pointers into `filter` name a list filter, not a field of this dialog: shown as text.
  protected readonly submission = formSubmission(this.form, { lead: problemMessageFirst });
  protected readonly errorText = fieldErrorText;

  protected submit(): Promise<void> {
    const save = () => {
      const value = this.form.getRawValue();
      const body: CreateSegment = { name: value.name.trim(), entityId: value.entityId, target: this.data.target, filter: this.data.filter };
      return this.api.unwrap(this.api.client.POST('/api/v1/segments', { body }));
    };
    return this.submission.submit(save, (segment) => this.ref.close(segment));
  }
}
