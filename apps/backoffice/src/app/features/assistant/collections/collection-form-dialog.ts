import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import type { BodyOf } from '../../../core/api/api-types';
import { FormAlert } from '../../../shared/form/form-alert';
import { formAlertsFor } from '../../../shared/form/form-alerts';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { VISIBILITY_LABELS, type Collection } from '../assistant-labels';

type CollectionPatch = BodyOf<'/api/v1/ai/collections/{id}', 'patch'>;
type Visibility = Collection['visibility'];

export interface CollectionFormData {
  /** Absent: a new collection. */
  collection?: Collection;
  /** ETag read with the collection, sent back as If-Match. */
  etag?: string | null;
  /** Entities a new collection may belong to, and the one proposed. */
  entities: ReadonlyArray<{ id: string; name: string }>;
  entityId: string | null;
}

/**
 * Creates a knowledge collection (owner entity, name, description, default visibility) or edits one
 * (JSON Merge Patch with If-Match; a new visibility applies to its documents too).
 */
@Component({
  selector: 'mx-collection-form-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatHint, MatError, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        @if (!editing) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@ai.collectionEntity">Structure propriétaire</mat-label>
            <mat-select formControlName="entityId" required>
              @for (entity of data.entities; track entity.id) {
                <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorText(form.controls.entityId) }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@ai.collectionName">Nom</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@ai.collectionDescription">Description</mat-label>
          <textarea matInput formControlName="description" rows="3" maxlength="2000"></textarea>
          <mat-error>{{ errorText(form.controls.description) }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@ai.defaultVisibility">Visibilité par défaut des documents</mat-label>
          <mat-select formControlName="visibility">
            @for (option of visibilities; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
          @if (editing) {
            <mat-hint i18n="@@ai.visibilityHint">Une nouvelle visibilité s'applique aussi aux documents déjà présents.</mat-hint>
          }
          <mat-error>{{ errorText(form.controls.visibility) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@ai.saveCollection">Enregistrer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; } form { min-width: min(520px, 80vw); }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CollectionFormDialog {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  protected readonly data = inject<CollectionFormData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<CollectionFormDialog, Collection>>(MatDialogRef);

  protected readonly editing = this.data.collection !== undefined;
  protected readonly title = this.editing ? $localize`:@@ai.editCollection:Modifier la collection` : $localize`:@@ai.newCollection:Nouvelle collection`;
  protected readonly visibilities = Object.entries(VISIBILITY_LABELS).map(([value, label]) => ({ value, label }));
  protected readonly form = new FormGroup({
    entityId: new FormControl(this.data.collection?.entityId ?? this.data.entityId ?? '', { nonNullable: true, validators: [Validators.required] }),
    name: new FormControl(this.data.collection?.name ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    description: new FormControl(this.data.collection?.description ?? '', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
    visibility: new FormControl<Visibility>(this.data.collection?.visibility ?? 'staff', { nonNullable: true }),
  });
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    try {
      this.ref.close(await this.save());
    } catch (failure) {
      if (failure instanceof ApiProblem) this.alerts.set(formAlertsFor(this.form, failure));
      else this.toaster.error(failure);
    } finally {
      this.busy.set(false);
    }
  }

  private save(): Promise<Collection> {
    const { entityId, name, visibility } = this.form.getRawValue();
    const description = this.form.controls.description.value.trim() || null;
    const collection = this.data.collection;
    if (!collection) {
      return this.api.unwrap(this.api.client.POST('/api/v1/ai/collections', { body: { entityId, name: name.trim(), description, visibility } }));
    }
    const etag = this.data.etag ?? null;
    const patch: CollectionPatch = { name: name.trim(), description, visibility };
    return this.api.unwrap(
      this.api.client.PATCH('/api/v1/ai/collections/{id}', {
        params: { path: { id: collection.id }, header: { 'if-match': etag ?? '*' } },
        body: patch,
        headers: mergePatchHeaders(etag),
      }),
    );
  }
}
