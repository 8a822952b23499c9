import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { ActingEntity } from '../../../core/scope/acting-entities';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { ruleForm, type RuleForm } from './flag-rule-form';

/**
 * Targeting rules in order: every condition given must hold and the first matching rule decides
 * (the server's evaluation); entities match with everything below them.
 */
@Component({
  selector: 'mx-flag-rules-editor',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatSuffix, MatInput, MatSelect, MatOption, MatButton, MatIconButton, MatIcon],
  template: `
    <fieldset>
      <legend i18n="@@flags.rules">Règles</legend>
      <p class="muted" i18n="@@flags.rulesIntro">La première règle dont toutes les conditions sont remplies décide de la variante ; sinon, la variante par défaut s'applique.</p>
      @for (rule of rules().controls; track rule; let index = $index) {
        <div class="rule" [formGroup]="rule" role="group" [attr.aria-label]="ruleLabel(index)">
          <strong>{{ ruleLabel(index) }}</strong>
          <div class="fields">
            <mat-form-field appearance="outline">
              <mat-label i18n="@@flags.ruleEntities">Entités (et leurs sous-structures)</mat-label>
              <mat-select formControlName="entityIds" multiple>
                @for (entity of entities(); track entity.id) {
                  <mat-option [value]="entity.id">{{ indent(entity.depth) }}{{ entity.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorText(rule.controls.entityIds) }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label i18n="@@flags.ruleRoles">Rôles</mat-label>
              <mat-select formControlName="roles" multiple>
                @for (role of roles(); track role.code) {
                  <mat-option [value]="role.code">{{ role.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorText(rule.controls.roles) }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label i18n="@@flags.rulePercentage">Part des utilisateurs</mat-label>
              <input matInput type="number" min="0" max="100" step="0.01" formControlName="percentage" />
              <span matTextSuffix>%</span>
              <mat-hint i18n="@@flags.rulePercentageHint">Vide : tous</mat-hint>
              <mat-error>{{ errorText(rule.controls.percentage) }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label i18n="@@flags.ruleVariant">Variante servie</mat-label>
              <mat-select formControlName="variant" required>
                @for (name of variantNames(); track name) {
                  <mat-option [value]="name">{{ name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorText(rule.controls.variant) }}</mat-error>
            </mat-form-field>
          </div>
          <button mat-icon-button type="button" (click)="rules().removeAt(index)" [attr.aria-label]="removeLabel(index)">
            <mat-icon svgIcon="close" />
          </button>
        </div>
      }
      <button mat-stroked-button type="button" (click)="add()" i18n="@@flags.ruleAdd">Ajouter une règle</button>
    </fieldset>
  `,
  styles: `
    fieldset { border: none; padding: 0; margin: 8px 0 0; }
    legend { font: var(--mat-sys-title-small); }
    .rule { display: grid; grid-template-columns: 1fr auto; gap: 0 8px; align-items: start; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; margin-bottom: 8px; }
    .rule strong { grid-column: 1 / -1; }
    .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 0 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlagRulesEditor {
  readonly rules = input.required<FormArray<RuleForm>>();
  readonly entities = input.required<readonly ActingEntity[]>();
  readonly roles = input.required<readonly { code: string; name: string }[]>();
  readonly variantNames = input.required<readonly string[]>();

  protected readonly errorText = fieldErrorText;

  protected ruleLabel(index: number): string {
    return $localize`:@@flags.ruleN:Règle ${index + 1}:number:`;
  }

  protected removeLabel(index: number): string {
    return $localize`:@@flags.ruleRemoveN:Supprimer la règle ${index + 1}:number:`;
  }

  protected indent(depth: number): string {
    return '\u00a0\u00a0'.repeat(depth);
  }

  protected add(): void {
    this.rules().push(ruleForm({ variant: this.variantNames()[0] ?? '' }));
  }
}
