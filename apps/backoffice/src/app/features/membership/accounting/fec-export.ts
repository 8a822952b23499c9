import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiProblem } from '../../../core/api/api-problem';
import { BranchScope } from '../../../core/scope/branch-scope';
import { entityFieldFollowsScope } from '../../../core/scope/entity-field';
import { FormAlert } from '../../../shared/form/form-alert';
import { formAlertsFor } from '../../../shared/form/form-alerts';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { downloadFile } from '../file-download';
import { todayIso } from '../membership-labels';

/** The FEC (fichier des écritures comptables) of an entity for a fiscal year, as a download for the accountant. */
@Component({
  selector: 'mx-fec-export',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatLabel, MatInput, MatSelect, MatOption, FormAlert],
  template: `
    <section class="page">
      <div class="page-header"><h1 i18n="@@fec.title">Export FEC</h1></div>
      <form [formGroup]="form" (ngSubmit)="download()" class="card" aria-labelledby="fec-title" novalidate>
        <h2 id="fec-title" i18n="@@fec.formTitle">Fichier des écritures comptables</h2>
        <p class="muted" i18n="@@fec.help">
          Les ventes (journal VE) puis les encaissements (journal BQ) de l'exercice, au format réglementaire : 18 champs séparés par des tabulations. La structure doit avoir un SIREN.
        </p>
        <mx-form-alert [messages]="alerts()" />
        <div class="row">
          <mat-form-field class="entity">
            <mat-label i18n="@@ms.entity">Structure</mat-label>
            <mat-select formControlName="entityId">
              @for (entity of scope.entities(); track entity.id) {
                <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error('entityId') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@fec.year">Exercice</mat-label>
            <input matInput type="number" formControlName="year" min="2000" max="2100" />
            <mat-hint i18n="@@fec.yearHint">Année civile</mat-hint>
            <mat-error>{{ error('year') }}</mat-error>
          </mat-form-field>
        </div>
        <button mat-flat-button type="submit" [disabled]="downloading()" i18n="@@fec.download">Télécharger le FEC</button>
      </form>
    </section>
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; max-width: 760px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
    .entity { min-width: 320px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FecExport {
  private readonly toaster = inject(Toaster);
  protected readonly scope = inject(BranchScope);

  protected readonly downloading = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly form = new FormGroup({
    entityId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    year: new FormControl(Number(todayIso().slice(0, 4)), { nonNullable: true, validators: [Validators.required, Validators.min(2000), Validators.max(2100)] }),
  });

  constructor() {
    entityFieldFollowsScope(this.form.controls.entityId);
  }

  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  protected async download(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { entityId, year } = this.form.getRawValue();
    this.downloading.set(true);
    try {
      await downloadFile(`/api/v1/entities/${entityId}/fec?year=${year}`, 'text/plain', `FEC${year}.txt`);
    } catch (error) {
      // The year travels in the query string: its errors point at /year or at the querystring.
      if (error instanceof ApiProblem) this.alerts.set(formAlertsFor(this.form, error));
      else this.toaster.error(error);
    } finally {
      this.downloading.set(false);
    }
  }
}
