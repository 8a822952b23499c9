import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { fieldErrorText } from '../../../shared/form/server-errors';
import type { EntityTreeNode } from './entity-tree';
import { parentChoices } from './parent-choices';

export interface EntityMoveData {
  entity: { id: string; name: string; parentId: string | null };
  roots: readonly EntityTreeNode[];
}

/** Moves an entity with its whole subtree under another parent (national administrators). */
@Component({
  selector: 'mx-entity-move-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatError, MatHint, MatSelect, MatOption, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title i18n="@@entities.moveTitle">Déplacer {{ data.entity.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        <p i18n="@@entities.moveIntro">L'entité est déplacée avec toutes ses sous-entités ; les habilitations accordées au-dessus d'elle changent en conséquence.</p>
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@entities.newParent">Nouvelle entité parente</mat-label>
          <mat-select formControlName="parentId" required>
            @for (choice of choices(); track choice.id) {
              <mat-option [value]="choice.id">{{ indent(choice.depth) }}{{ choice.name }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@entities.newParentHint">Ses propres sous-entités ne sont pas proposées.</mat-hint>
          <mat-error>{{ errorText(parentId) }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@entities.moveSubmit">Déplacer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.wide { width: 100%; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntityMoveDialog {
  private readonly api = inject(Api);
  protected readonly data = inject<EntityMoveData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<EntityMoveDialog, boolean>>(MatDialogRef);

  protected readonly choices = computed(() => parentChoices(this.data.roots, this.data.entity.id));
  protected readonly form = new FormGroup({ parentId: new FormControl(this.data.entity.parentId ?? '', { nonNullable: true, validators: [Validators.required] }) });
  protected readonly parentId = this.form.controls.parentId;
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;

  protected indent(depth: number): string {
    return '\u00a0\u00a0'.repeat(depth);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.parentId.invalid) {
      this.parentId.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/entities/{id}/move', { params: { path: { id: this.data.entity.id } }, body: { parentId: this.parentId.value } }));
      this.ref.close(true);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const onParent = error.errors.find((problem) => problem.pointer === '/parentId');
      if (onParent) {
        this.parentId.setErrors({ server: onParent.message });
        this.parentId.markAsTouched();
      } else {
        this.alerts.set([problemMessage(error)]);
      }
    } finally {
      this.busy.set(false);
    }
  }
}
