import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { FormAlert } from '../../../shared/form/form-alert';
import { formAlertsFor } from '../../../shared/form/form-alerts';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';

/** The entity's SEPA creditor identity (ICS and account credited), needed before its first batch. */
@Component({
  selector: 'mx-creditor-card',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatLabel, MatInput, FormAlert],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" class="card" aria-labelledby="creditor-title" novalidate>
      <h2 id="creditor-title" i18n="@@sepa.creditorTitle">Identité de créancier SEPA</h2>
      @if (missing()) {
        <p class="muted" i18n="@@sepa.creditorMissing">Aucun identifiant créancier n'est enregistré pour cette structure : renseignez-le avant de créer une remise.</p>
      }
      <mx-form-alert [messages]="alerts()" />
      <div class="row">
        <mat-form-field>
          <mat-label i18n="@@sepa.ics">Identifiant créancier (ICS)</mat-label>
          <input matInput formControlName="creditorIdentifier" autocomplete="off" spellcheck="false" [readonly]="!canWrite()" />
          <mat-hint i18n="@@sepa.icsHint">Par exemple FR72ZZZ123456</mat-hint>
          <mat-error>{{ error('creditorIdentifier') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@sepa.creditorIban">IBAN crédité</mat-label>
          <input matInput formControlName="iban" autocomplete="off" spellcheck="false" [readonly]="!canWrite()" />
          <mat-error>{{ error('iban') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@sepa.bicOptional">BIC (facultatif)</mat-label>
          <input matInput formControlName="bic" autocomplete="off" spellcheck="false" [readonly]="!canWrite()" />
          <mat-error>{{ error('bic') }}</mat-error>
        </mat-form-field>
      </div>
      @if (canWrite()) {
        <button mat-stroked-button type="submit" [disabled]="saving()" i18n="@@sepa.creditorSave">Enregistrer l'identité de créancier</button>
      }
    </form>
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; margin-bottom: 24px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreditorCard {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  readonly entityId = input.required<string>();
  readonly canWrite = input(false);

  protected readonly missing = signal(false);
  protected readonly saving = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly form = new FormGroup({
    creditorIdentifier: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    iban: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    bic: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const entityId = this.entityId();
      untracked(() => void this.load(entityId));
    });
  }

  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  private async load(entityId: string): Promise<void> {
    this.alerts.set([]);
    this.form.reset();
    if (!entityId) return;
    try {
      const creditor = await this.api.unwrap(this.api.client.GET('/api/v1/entities/{id}/sepa-creditor', { params: { path: { id: entityId } } }));
      if (entityId !== this.entityId()) return;
      this.missing.set(false);
      this.form.setValue({ creditorIdentifier: creditor.creditorIdentifier, iban: creditor.iban, bic: creditor.bic ?? '' });
    } catch (error) {
      // 404: none recorded yet; the form stays empty.
      if (error instanceof ApiProblem && error.status === 404) this.missing.set(true);
      else this.toaster.error(error);
    }
  }

  protected async save(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { creditorIdentifier, iban, bic } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const body = { creditorIdentifier: creditorIdentifier.trim(), iban: iban.trim(), bic: bic.trim() || null };
      const saved = await this.api.unwrap(this.api.client.PUT('/api/v1/entities/{id}/sepa-creditor', { params: { path: { id: this.entityId() } }, body }));
      this.form.setValue({ creditorIdentifier: saved.creditorIdentifier, iban: saved.iban, bic: saved.bic ?? '' });
      this.missing.set(false);
      this.toaster.success($localize`:@@sepa.creditorSaved:Identité de créancier enregistrée.`);
    } catch (error) {
      if (error instanceof ApiProblem) this.alerts.set(formAlertsFor(this.form, error));
      else this.toaster.error(error);
    } finally {
      this.saving.set(false);
    }
  }
}
