import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { map, startWith } from 'rxjs';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import type { ItemOf } from '../../../core/api/api-types';
import { problemMessage } from '../../../core/api/problem-messages';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { controlAt, fieldErrorText } from '../../../shared/form/server-errors';
import { ruleForm, ruleValue, type FlagRule, type RuleForm } from './flag-rule-form';
import { FlagRulesEditor } from './flag-rules-editor';
import { parseVariants, withRemovals } from './flag-variants';

export type Flag = ItemOf<'/api/v1/feature-flags'>;
export interface FlagEditorData {
  roles: readonly { code: string; name: string }[];
  /** Absent: a new flag. */
  flag?: Flag;
}

const BOOLEAN_VARIANTS = { on: true, off: false };

/** Creates a flag or edits its description, variants, default, rules and kill switch. */
@Component({
  selector: 'mx-flag-editor-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatFormField, MatLabel, MatHint, MatError, MatInput, MatSelect, MatOption, MatSlideToggle, MatButton, FormAlert, FlagRulesEditor],
  template: `
    <h2 mat-dialog-title>
      @if (data.flag) {
        <ng-container i18n="@@flags.edit">Modifier la fonctionnalité</ng-container> <code>{{ data.flag.key }}</code>
      } @else {
        <ng-container i18n="@@flags.create">Nouvelle fonctionnalité</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        @if (!data.flag) {
          <div class="form-grid">
            <mat-form-field appearance="outline">
              <mat-label i18n="@@flags.key">Clé</mat-label>
              <input matInput formControlName="key" required cdkFocusInitial />
              <mat-hint i18n="@@flags.keyHint">Par exemple crm.nouvelle-recherche ; jamais réutilisée.</mat-hint>
              <mat-error>{{ errorText(form.controls.key) }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label i18n="@@flags.kind">Type</mat-label>
              <mat-select formControlName="kind">
                <mat-option value="boolean" i18n="@@flags.kindBoolean">Activée / désactivée</mat-option>
                <mat-option value="variant" i18n="@@flags.kindVariant">Variantes</mat-option>
              </mat-select>
            </mat-form-field>
          </div>
        }
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@flags.description">Description</mat-label>
          <input matInput formControlName="description" />
          <mat-error>{{ errorText(form.controls.description) }}</mat-error>
        </mat-form-field>
        @if (kind() === 'variant') {
          <mat-form-field appearance="outline" class="wide">
            <mat-label i18n="@@flags.variants">Variantes (JSON : nom → valeur)</mat-label>
            <textarea matInput formControlName="variants" rows="3" required></textarea>
            <mat-error>{{ variantsError() }}</mat-error>
          </mat-form-field>
        }
        <div class="form-grid">
          <mat-form-field appearance="outline">
            <mat-label i18n="@@flags.defaultVariant">Variante par défaut</mat-label>
            <mat-select formControlName="defaultVariant" required>
              @for (name of variantNames(); track name) {
                <mat-option [value]="name">{{ name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorText(form.controls.defaultVariant) }}</mat-error>
          </mat-form-field>
          <mat-slide-toggle formControlName="enabled" i18n="@@flags.enabledToggle">Règles appliquées (désactivée : tout le monde reçoit la variante par défaut)</mat-slide-toggle>
        </div>
        <mx-flag-rules-editor [rules]="form.controls.rules" [entities]="scope.entities()" [roles]="data.roles" [variantNames]="variantNames()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@flags.save">Enregistrer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide { width: 100%; }
    mat-slide-toggle { align-self: center; margin-bottom: 20px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagEditorDialog {
  private readonly api = inject(Api);
  protected readonly scope = inject(BranchScope);
  protected readonly data = inject<FlagEditorData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<FlagEditorDialog, Flag>>(MatDialogRef);

  private readonly flag = this.data.flag;
  protected readonly form = new FormGroup({
    key: new FormControl('', { nonNullable: true, validators: this.flag ? [] : [Validators.required, Validators.pattern(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/)] }),
    kind: new FormControl<Flag['kind']>(this.flag?.kind ?? 'boolean', { nonNullable: true }),
    description: new FormControl(this.flag?.description ?? '', { nonNullable: true, validators: [Validators.maxLength(500)] }),
    variants: new FormControl(this.flag?.kind === 'variant' ? JSON.stringify(this.flag.variants, null, 2) : '{\n  "a": "a",\n  "b": "b"\n}', { nonNullable: true }),
    defaultVariant: new FormControl(this.flag?.defaultVariant ?? 'off', { nonNullable: true, validators: [Validators.required] }),
    enabled: new FormControl(this.flag?.enabled ?? true, { nonNullable: true }),
    rules: new FormArray<RuleForm>((this.flag?.rules ?? []).map((rule) => ruleForm(rule as FlagRule))),
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges.pipe(startWith(this.form.controls.kind.value)), { requireSync: true });
  private readonly variantsText = toSignal(this.form.controls.variants.valueChanges.pipe(startWith(this.form.controls.variants.value), map(String)), { requireSync: true });
  /** The variant object, or null while the JSON typed is not an object. */
  private readonly variants = computed<Record<string, unknown> | null>(() => (this.kind() === 'boolean' ? BOOLEAN_VARIANTS : parseVariants(this.variantsText())));
  protected readonly variantNames = computed(() => Object.keys(this.variants() ?? {}));
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly errorText = fieldErrorText;

  constructor() {
    // A default that names no variant of the new kind would only earn a 422.
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      const names = this.variantNames();
      if (!names.includes(this.form.controls.defaultVariant.value)) this.form.controls.defaultVariant.setValue(names[names.length - 1] ?? '');
    });
  }

  protected variantsError(): string {
    return this.form.controls.variants.hasError('json')
      ? $localize`:@@flags.variantsJson:Saisissez un objet JSON, par exemple { "a": "bleu", "b": "vert" }.`
      : fieldErrorText(this.form.controls.variants);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const variants = this.variants();
    if (!variants) this.form.controls.variants.setErrors({ json: true });
    if (this.form.invalid || !variants) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    const value = this.form.getRawValue();
    const rules = this.form.controls.rules.controls.map(ruleValue);
    const isVariant = value.kind === 'variant';
    try {
      const saved = this.flag
        ? await this.update(this.flag, { description: value.description, defaultVariant: value.defaultVariant, enabled: value.enabled, rules, ...(isVariant ? { variants: withRemovals(this.flag.variants, variants) } : {}) })
        : await this.api.unwrap(
            this.api.client.POST('/api/v1/feature-flags', {
              body: { key: value.key.trim(), kind: value.kind, description: value.description, defaultVariant: value.defaultVariant, enabled: value.enabled, rules, ...(isVariant ? { variants } : {}) },
            }),
          );
      this.ref.close(saved);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.showProblem(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Reads the flag again for its ETag, so a colleague's change in between is refused (412), not overwritten. */
  private async update(flag: Flag, patch: Record<string, unknown>): Promise<Flag> {
    const path = { key: flag.key };
    const { data: current, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/feature-flags/{key}', { params: { path }, cache: 'no-store' }));
    if (current.version !== flag.version) throw new ApiProblem({ status: 412, code: 'precondition_failed' });
    return this.api.unwrap(this.api.client.PATCH('/api/v1/feature-flags/{key}', { params: { path }, body: patch, headers: mergePatchHeaders(etag) }));
  }

  private showProblem(error: ApiProblem): void {
    if (error.code === 'feature_flag_exists') {
      this.form.controls.key.setErrors({ server: $localize`:@@flags.keyTaken:Une fonctionnalité porte déjà cette clé.` });
      this.form.controls.key.markAsTouched();
      return;
    }
    const unmatched: string[] = [];
    for (const problem of error.errors) {
      const control = nearestControl(this.form, problem.pointer);
      if (control) {
        control.setErrors({ server: problem.message });
        control.markAsTouched();
      } else {
        unmatched.push(problem.message);
      }
    }
    if (unmatched.length > 0 || error.errors.length === 0) this.alerts.set([problemMessage(error), ...unmatched]);
  }
}

/** `/rules/0/entityIds/2` lands on the rule's entity picker: the closest control along the pointer. */
function nearestControl(form: FormGroup, pointer: string): AbstractControl | null {
  const segments = pointer.split('/');
  while (segments.length > 1) {
    const control = controlAt(form, segments.join('/'));
    if (control) return control;
    segments.pop();
  }
  return null;
}
