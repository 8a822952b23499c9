import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { Observable } from 'rxjs';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import { FormAlert } from '../../../shared/form/form-alert';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { frenchDate, todayIso } from '../../membership/membership-labels';
import type { Mandate } from '../mandate-labels';

/** Ends a mandate early: its last day becomes the chosen date (JSON Merge Patch of `endOn`). */
@Component({
  selector: 'mx-mandate-end-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatHint, MatInput, MatError, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@md.endTitle">Terminer le mandat</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <p>{{ summary }}</p>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@md.lastDay">Dernier jour du mandat</mat-label>
          <input matInput type="date" formControlName="endOn" required cdkFocusInitial />
          <mat-hint i18n="@@md.lastDayHint">Le siège est vacant à partir du lendemain.</mat-hint>
          <mat-error>{{ errorText(form.controls.endOn) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@md.endSubmit">Terminer le mandat</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateEndDialog {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly mandate = inject<Mandate>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<MandateEndDialog, Mandate>>(MatDialogRef);

  protected readonly summary = $localize`:@@md.endSummary:${this.mandate.personName}:person:, ${this.mandate.bodyName}:body: (${this.mandate.seatLabel}:seat:), mandat prévu jusqu'au ${frenchDate(this.mandate.endOn)}:end:.`;
  protected readonly form = new FormGroup({ endOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }) });
  protected readonly submission = formSubmission(this.form);
  protected readonly errorText = fieldErrorText;

  protected submit(): Promise<void> {
    const save = () =>
      this.api.unwrap(
        this.api.client.PATCH('/api/v1/mandates/{id}', {
          params: { path: { id: this.mandate.id } },
          body: { endOn: this.form.controls.endOn.value },
          headers: mergePatchHeaders(`"${this.mandate.version}"`),
        }),
      );
    return this.submission.submit(save, (ended) => {
      this.toaster.success($localize`:@@md.ended:Mandat terminé.`);
      this.ref.close(ended);
    });
  }
}

/** Opens the dialog; emits the ended mandate, or undefined when the user cancels. */
export function openMandateEndDialog(dialog: MatDialog, mandate: Mandate): Observable<Mandate | undefined> {
  return dialog.open<MandateEndDialog, Mandate, Mandate>(MandateEndDialog, { data: mandate, width: '480px' }).afterClosed();
}
