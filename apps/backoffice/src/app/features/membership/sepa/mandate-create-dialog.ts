import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { formAlertsFor } from '../../../shared/form/form-alerts';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { CompanySearch, type CompanyHit } from '../company-search';
import { todayIso } from '../membership-labels';
import { SEQUENCE_TYPE_LABELS, type SepaMandate, type SequenceType } from './sepa-labels';


/** Records a mandate signed by a debtor company; the server checks the IBAN/BIC keys and the RUM's uniqueness. */
@Component({
  selector: 'mx-mandate-create-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    FormAlert,
  ],
  template: `
    <h2 mat-dialog-title i18n="@@sepa.mandateCreateTitle">Nouveau mandat SEPA</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <mx-form-alert [messages]="alerts()" />
        <div class="form-grid">
          <mat-form-field>
            <mat-label i18n="@@sepa.creditorEntity">Créancier</mat-label>
            <mat-select formControlName="entityId">
              @for (entity of scope.entities(); track entity.id) {
                <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error('entityId') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.company">Entreprise débitrice</mat-label>
            <input matInput [formControl]="companySearch.text" [matAutocomplete]="companies" (input)="search()" autocomplete="off" cdkFocusInitial />
            <mat-autocomplete #companies="matAutocomplete" [displayWith]="companySearch.label" (optionSelected)="pick($event.option.value)">
              @for (hit of companySearch.hits(); track hit.id) {
                <mat-option [value]="hit">{{ hit.name }} — {{ hit.siren }}</mat-option>
              }
            </mat-autocomplete>
            <mat-hint i18n="@@ms.companyHint">Nom, SIREN ou commune</mat-hint>
            <mat-error>{{ error('organizationId') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.reference">Référence (RUM)</mat-label>
            <input matInput formControlName="reference" maxlength="35" autocomplete="off" />
            <mat-error>{{ error('reference') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.signatureDateLabel">Date de signature</mat-label>
            <input matInput type="date" formControlName="signatureDate" />
            <mat-error>{{ error('signatureDate') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.debtorName">Titulaire du compte</mat-label>
            <input matInput formControlName="debtorName" maxlength="70" autocomplete="off" />
            <mat-error>{{ error('debtorName') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.iban">IBAN</mat-label>
            <input matInput formControlName="iban" autocomplete="off" spellcheck="false" />
            <mat-error>{{ error('iban') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.bicOptional">BIC (facultatif)</mat-label>
            <input matInput formControlName="bic" autocomplete="off" spellcheck="false" />
            <mat-error>{{ error('bic') }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@sepa.sequenceType">Type de séquence</mat-label>
            <mat-select formControlName="sequenceType">
              @for (type of sequenceTypes; track type.value) {
                <mat-option [value]="type.value">{{ type.label }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error('sequenceType') }}</mat-error>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()" i18n="@@confirm.cancel">Annuler</button>
        <button mat-flat-button type="submit" [disabled]="saving()" i18n="@@sepa.mandateSubmit">Enregistrer le mandat</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateCreateDialog {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  protected readonly ref = inject<MatDialogRef<MandateCreateDialog, SepaMandate>>(MatDialogRef);
  protected readonly scope = inject(BranchScope);

  protected readonly sequenceTypes = (['FRST', 'RCUR', 'OOFF', 'FNAL'] as const).map((value) => ({ value, label: SEQUENCE_TYPE_LABELS[value] }));
  protected readonly saving = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly companySearch = new CompanySearch();
  protected readonly form = new FormGroup({
    entityId: new FormControl(this.scope.defaultEntityId(), { nonNullable: true, validators: [Validators.required] }),
    organizationId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    reference: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    signatureDate: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
    debtorName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    iban: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    bic: new FormControl('', { nonNullable: true }),
    sequenceType: new FormControl<SequenceType>('FRST', { nonNullable: true }),
  });

  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  protected search(): void {
    this.form.controls.organizationId.setValue('');
    this.companySearch.typed();
  }

  /** The account holder is usually the company itself: prefill it. */
  protected pick(hit: CompanyHit): void {
    this.form.controls.organizationId.setValue(hit.id);
    if (!this.form.controls.debtorName.value) this.form.controls.debtorName.setValue(hit.name.slice(0, 70));
  }

  protected async submit(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      if (this.form.controls.organizationId.invalid) this.alerts.set([$localize`:@@ms.pickCompany:Choisissez l'entreprise dans la liste des résultats.`]);
      return;
    }
    const { bic, reference, debtorName, iban, ...rest } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const body = { ...rest, reference: reference.trim(), debtorName: debtorName.trim(), iban: iban.trim(), bic: bic.trim() || null };
      this.ref.close(await this.api.unwrap(this.api.client.POST('/api/v1/sepa-mandates', { body })));
    } catch (error) {
      if (error instanceof ApiProblem) {
        this.alerts.set(formAlertsFor(this.form, error));
        // The company field is a search box: its server error goes in the alert too.
        const company = this.form.controls.organizationId.errors?.['server'];
        if (typeof company === 'string') this.alerts.update((alerts) => [...alerts, company]);
      } else this.toaster.error(error);
    } finally {
      this.saving.set(false);
    }
  }
}
