import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import type { ResponseOf } from '../../../core/api/api-types';
import { FormAlert } from '../../../shared/form/form-alert';
import { problemMessageFirst } from '../../../shared/form/form-alerts';
import { formSubmission } from '../../../shared/form/form-submission';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { VISIBILITY_LABELS, type Collection } from '../assistant-labels';

export type UploadResult = ResponseOf<'/api/v1/ai/collections/{id}/documents', 'post'>;

/**
 * Adds a document to a collection: a file (PDF, DOCX, Markdown, text, JSON Lines) or text typed
 * here, sent as a Markdown file. Indexing then runs in the background.
 */
@Component({
  selector: 'mx-document-add-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatInput,
    MatHint,
    MatError,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatButton,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title i18n="@@ai.addDocument">Ajouter un document</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="submission.alerts()" />
        <mat-radio-group formControlName="mode" class="modes" i18n-aria-label="@@ai.addMode" aria-label="Contenu du document">
          <mat-radio-button value="file" i18n="@@ai.modeFile">Fichier</mat-radio-button>
          <mat-radio-button value="text" i18n="@@ai.modeText">Texte saisi</mat-radio-button>
        </mat-radio-group>
        @if (form.controls.mode.value === 'file') {
          <div class="file">
            <label for="document-file" i18n="@@ai.file">Fichier (PDF, DOCX, Markdown, texte ou JSON Lines, 25 Mo au plus)</label>
            <input id="document-file" type="file" accept=".pdf,.docx,.md,.markdown,.txt,.jsonl" (change)="pick($event)" />
            @if (fileError(); as message) {
              <p class="error-text" role="alert">{{ message }}</p>
            }
          </div>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@ai.docTitle">Titre</mat-label>
          <input matInput formControlName="title" maxlength="300" [required]="form.controls.mode.value === 'text'" />
          <mat-hint i18n="@@ai.docTitleHint">Par défaut : le premier titre du document ou le nom du fichier.</mat-hint>
          <mat-error>{{ errorText(form.controls.title) }}</mat-error>
        </mat-form-field>
        @if (form.controls.mode.value === 'text') {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@ai.docText">Texte (Markdown accepté)</mat-label>
            <textarea matInput formControlName="text" rows="10" required></textarea>
            <mat-error>{{ errorText(form.controls.text) }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@ai.visibility">Visibilité</mat-label>
          <mat-select formControlName="visibility">
            @for (option of visibilities; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorText(form.controls.visibility) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="submission.busy()" i18n="@@ai.addSubmit">Ajouter</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    .modes { display: flex; gap: 16px; margin-bottom: 16px; }
    .file { display: flex; flex-direction: column; gap: 8px; margin-bottom: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentAddDialog {
  private readonly api = inject(Api);
  private readonly collection = inject<Collection>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<DocumentAddDialog, UploadResult>>(MatDialogRef);

  protected readonly visibilities = Object.entries(VISIBILITY_LABELS).map(([value, label]) => ({ value, label }));
  protected readonly form = new FormGroup({
    mode: new FormControl<'file' | 'text'>('file', { nonNullable: true }),
    title: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
    text: new FormControl('', { nonNullable: true }),
    visibility: new FormControl(this.collection.visibility, { nonNullable: true }),
    // Set from the file input (not bound: a file input has no value to write back); `/file` errors land here.
    file: new FormControl<File | null>(null),
  });
  protected readonly submission = formSubmission(this.form, { lead: problemMessageFirst });
  protected readonly errorText = fieldErrorText;

  protected pick(event: Event): void {
    this.form.controls.file.setValue((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  /** Under the file input: none chosen, or the server's word on it. */
  protected fileError(): string {
    const errors = this.form.controls.file.errors;
    if (errors?.['required']) return $localize`:@@ai.noFile:Choisissez un fichier.`;
    return typeof errors?.['server'] === 'string' ? errors['server'] : '';
  }

  protected submit(): Promise<void> {
    const value = this.form.getRawValue();
    const file = value.mode === 'file' ? value.file : this.typedText(value.title, value.text);
    if (!file) {
      if (value.mode === 'file') this.form.controls.file.setErrors({ required: true });
      this.form.markAllAsTouched();
      return Promise.resolve();
    }
    const body = new FormData();
    // Fields before the file: the server reads the multipart stream in order.
    if (value.title.trim()) body.append('title', value.title.trim());
    body.append('visibility', value.visibility);
    body.append('file', file, file.name);
    // The form checks itself above (a file or typed text), hence `run`, not `submit`.
    const upload = () => this.api.unwrap(this.api.client.POST('/api/v1/ai/collections/{id}/documents', { params: { path: { id: this.collection.id } }, body: body as never }));
    return this.submission.run(upload, (result) => this.ref.close(result));
  }

  /** Typed text goes up as a Markdown file; title and text are then both required. */
  private typedText(title: string, text: string): File | null {
    const { title: titleControl, text: textControl } = this.form.controls;
    titleControl.setErrors(title.trim() ? null : { required: true });
    textControl.setErrors(text.trim() ? null : { required: true });
    if (!title.trim() || !text.trim()) return null;
    return new File([text], 'texte-saisi.md', { type: 'text/markdown' });
  }
}
