import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import type { ItemOf } from '../../../core/api/api-types';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';

export type Role = ItemOf<'/api/v1/roles'>;
export type Permission = ItemOf<'/api/v1/permissions'>;
export interface RoleFormData {
  catalogue: Permission[];
  /** Absent: a new custom role. */
  role?: Role;
}

const CATEGORY_LABELS: Record<Permission['category'], string> = {
  business: $localize`:@@roles.categoryBusiness:Métier`,
  administration: $localize`:@@roles.categoryAdministration:Administration`,
  platform: $localize`:@@roles.categoryPlatform:Plateforme`,
};

/** Creates or changes a custom role; permissions are picked from the server's catalogue. */
@Component({
  selector: 'mx-role-form-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatInput, MatError, MatHint, MatCheckbox, MatButton, FormAlert],
  template: `
    <h2 mat-dialog-title>
      @if (data.role) {
        <ng-container i18n="@@roles.edit">Modifier le rôle</ng-container>
      } @else {
        <ng-container i18n="@@roles.create">Nouveau rôle</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@roles.name">Nom</mat-label>
          <input matInput formControlName="name" required cdkFocusInitial />
          <mat-error>{{ errorText(form.controls.name) }}</mat-error>
        </mat-form-field>
        @if (!data.role) {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@roles.code">Identifiant</mat-label>
            <input matInput formControlName="code" required />
            <mat-hint i18n="@@roles.codeHint">En minuscules, chiffres et « _ » ; il ne pourra plus changer.</mat-hint>
            <mat-error>{{ codeError() }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@roles.description">Description</mat-label>
          <textarea matInput formControlName="description" rows="2"></textarea>
          <mat-error>{{ errorText(form.controls.description) }}</mat-error>
        </mat-form-field>
        <fieldset>
          <legend i18n="@@roles.permissions">Permissions</legend>
          @if (permissionsError(); as message) {
            <p class="error-text" role="alert">{{ message }}</p>
          }
          @for (group of groups(); track group.category) {
            <h3>{{ group.label }}</h3>
            @for (permission of group.permissions; track permission.name) {
              <mat-checkbox [checked]="selected().has(permission.name)" (change)="toggle(permission.name, $event)">
                {{ permission.description }} <code class="muted">{{ permission.name }}</code>
              </mat-checkbox>
            }
          }
        </fieldset>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@roles.save">Enregistrer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    fieldset { border: none; padding: 0; margin: 0; }
    legend { font: var(--mat-sys-title-small); }
    h3 { font: var(--mat-sys-label-large); margin: 12px 0 0; }
    mat-checkbox { display: block; }
    code { font-size: 0.85em; margin-left: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RoleFormDialog {
  private readonly api = inject(Api);
  protected readonly data = inject<RoleFormData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<RoleFormDialog, Role>>(MatDialogRef);

  protected readonly form = new FormGroup({
    name: new FormControl(this.data.role?.name ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    code: new FormControl('', { nonNullable: true, validators: this.data.role ? [] : [Validators.required, Validators.pattern(/^[a-z][a-z0-9_]{1,62}$/)] }),
    description: new FormControl(this.data.role?.description ?? '', { nonNullable: true, validators: [Validators.maxLength(1000)] }),
  });
  protected readonly selected = signal(new Set(this.data.role?.permissions ?? []));
  protected readonly permissionsError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;
  protected readonly groups = computed(() =>
    (Object.keys(CATEGORY_LABELS) as Permission['category'][])
      .map((category) => ({ category, label: CATEGORY_LABELS[category], permissions: this.data.catalogue.filter((p) => p.category === category) }))
      .filter((group) => group.permissions.length > 0),
  );

  protected codeError(): string {
    const control = this.form.controls.code;
    return control.hasError('pattern') ? $localize`:@@roles.codePattern:Une lettre minuscule puis 2 à 63 lettres minuscules, chiffres ou « _ ».` : fieldErrorText(control);
  }

  protected toggle(permission: string, event: MatCheckboxChange): void {
    const next = new Set(this.selected());
    if (event.checked) next.add(permission);
    else next.delete(permission);
    this.selected.set(next);
    this.permissionsError.set(null);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    this.permissionsError.set(null);
    const { name, code, description } = this.form.getRawValue();
    const permissions = [...this.selected()].sort();
    try {
      const role = this.data.role;
      const saved = role
        ? await this.api.unwrap(
            this.api.client.PATCH('/api/v1/roles/{id}', {
              params: { path: { id: role.id } },
              body: { name: name.trim(), description: description.trim(), permissions },
              headers: mergePatchHeaders(`"${role.version}"`),
            }),
          )
        : await this.api.unwrap(this.api.client.POST('/api/v1/roles', { body: { code: code.trim(), name: name.trim(), description: description.trim(), permissions } }));
      this.ref.close(saved);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.showProblem(error);
    } finally {
      this.busy.set(false);
    }
  }

  private showProblem(error: ApiProblem): void {
    if (error.code === 'role_code_taken') {
      this.form.controls.code.setErrors({ server: $localize`:@@roles.codeTaken:Un rôle porte déjà cet identifiant.` });
      this.form.controls.code.markAsTouched();
      return;
    }
    // `/permissions/3` points into the list, which is one picker here rather than one control each.
    const onPermissions = error.errors.filter((problem) => problem.pointer === '/permissions' || problem.pointer.startsWith('/permissions/'));
    if (onPermissions.length > 0) this.permissionsError.set(onPermissions.map((problem) => problem.message).join(' '));
    const unmatched = applyServerErrors(this.form, error.errors.filter((problem) => !onPermissions.includes(problem)));
    if (unmatched.length > 0 || error.errors.length === 0) this.alerts.set([problemMessage(error), ...unmatched]);
  }
}
