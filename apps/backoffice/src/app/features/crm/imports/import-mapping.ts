import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption, MatSelect } from '@angular/material/select';
import type { DryRun } from './import-types';

export type ColumnOverrides = Record<string, string | null>;

export interface MappingChoice {
  overrides: ColumnOverrides;
  /** Save the choice as the entity's mapping for its next files. */
  remember: boolean;
}

/** Maillage's import fields, in the order files usually have them, as staff call them. */
export const IMPORT_FIELD_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['companyName', $localize`:@@import.field.companyName:Raison sociale`],
  ['siren', $localize`:@@import.field.siren:SIREN`],
  ['siret', $localize`:@@import.field.siret:SIRET`],
  ['nafCode', $localize`:@@import.field.nafCode:Code NAF`],
  ['addressLine', $localize`:@@import.field.addressLine:Adresse`],
  ['postalCode', $localize`:@@import.field.postalCode:Code postal`],
  ['city', $localize`:@@import.field.city:Ville`],
  ['headcount', $localize`:@@import.field.headcount:Effectif`],
  ['civility', $localize`:@@import.field.civility:Civilité`],
  ['lastName', $localize`:@@import.field.lastName:Nom`],
  ['firstName', $localize`:@@import.field.firstName:Prénom`],
  ['email', $localize`:@@import.field.email:E-mail`],
  ['phone', $localize`:@@import.field.phone:Téléphone`],
  ['joinedOn', $localize`:@@import.field.joinedOn:Date d'adhésion`],
  ['duesAmount', $localize`:@@import.field.duesAmount:Montant de cotisation`],
];

/** Marks a field left without a column in the select: the empty string, since null means « ignore ». */
const UNMAPPED = '';

/**
 * The columns the analysis recognised, field by field, and the file's other columns: staff correct
 * a wrong guess (or ignore a column) and analyse again; the choice can be kept for the next files.
 */
@Component({
  selector: 'mx-import-mapping',
  imports: [FormsModule, MatSelect, MatOption, MatButton, MatCheckbox],
  template: `
    <h2 id="import-mapping" i18n="@@import.mappingTitle">Correspondance des colonnes</h2>
    <p class="muted" i18n="@@import.mappingHelp">Vérifiez quelle colonne du fichier alimente chaque champ. Corrigez si besoin, puis analysez à nouveau : rien n'est encore importé.</p>
    @if (dryRun().ignoredHeaders.length > 0) {
      <p i18n="@@import.ignoredColumns">Colonnes ignorées : {{ dryRun().ignoredHeaders.join(', ') }}</p>
    }
    <table class="mapping" aria-labelledby="import-mapping">
      <thead>
        <tr>
          <th scope="col" i18n="@@import.mappingField">Champ Maillage</th>
          <th scope="col" i18n="@@import.mappingColumn">Colonne du fichier</th>
        </tr>
      </thead>
      <tbody>
        @for (field of fields; track field[0]) {
          <tr>
            <th scope="row" [id]="'field-' + field[0]">{{ field[1] }}</th>
            <td>
              <mat-select [ngModel]="choices()[field[0]] ?? unmapped" (ngModelChange)="choose(field[0], $event)" [aria-labelledby]="'field-' + field[0]">
                <mat-option [value]="unmapped" i18n="@@import.noColumn">— Aucune colonne —</mat-option>
                @for (header of dryRun().headers; track header) {
                  <mat-option [value]="header">{{ header }}</mat-option>
                }
              </mat-select>
            </td>
          </tr>
        }
      </tbody>
    </table>
    <div class="actions">
      <mat-checkbox [(ngModel)]="remember" i18n="@@import.rememberMapping">Mémoriser cette correspondance pour les prochains fichiers de la structure</mat-checkbox>
      <button mat-stroked-button type="button" (click)="apply()" [disabled]="busy() || !changed()" i18n="@@import.reanalyse">Analyser à nouveau avec cette correspondance</button>
    </div>
  `,
  styles: `
    .mapping { border-collapse: collapse; margin: 8px 0 16px; }
    .mapping th, .mapping td { text-align: left; padding: 4px 16px 4px 0; font-weight: normal; }
    .mapping thead th { font-weight: 600; }
    .mapping mat-select { min-width: 260px; }
    .actions { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportMapping {
  readonly dryRun = input.required<DryRun>();
  readonly busy = input(false);
  readonly reanalyse = output<MappingChoice>();

  protected readonly fields = IMPORT_FIELD_LABELS;
  protected readonly unmapped = UNMAPPED;
  protected readonly remember = signal(false);
  /** Field → header as the analysis used it, then as staff change it. */
  protected readonly choices = linkedSignal<Record<string, string>>(() => ({ ...this.dryRun().job.columns }));
  protected readonly changed = computed(() => {
    const used = this.dryRun().job.columns;
    const chosen = this.choices();
    return this.fields.some(([field]) => (used[field] ?? UNMAPPED) !== (chosen[field] ?? UNMAPPED));
  });

  protected choose(field: string, header: string): void {
    this.choices.update((current) => ({ ...current, [field]: header }));
  }

  /** Every field is sent: a chosen header, or null for a field left without a column. */
  protected apply(): void {
    const chosen = this.choices();
    const overrides = Object.fromEntries(this.fields.map(([field]) => [field, chosen[field] ? chosen[field]! : null]));
    this.reanalyse.emit({ overrides, remember: this.remember() });
  }
}
