import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { PAYMENT_METHOD_LABELS, euros, eurosToCents, todayIso } from '../membership-labels';

type Method = 'transfer' | 'cheque' | 'card' | 'sepa_debit';

function amountValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value) return null;
  const cents = eurosToCents(control.value);
  return cents === null || cents <= 0 ? { server: $localize`:@@pay.amountInvalid:Saisissez un montant en euros, par exemple 180,00.` } : null;
}

/** Records a payment received for an invoice: method, amount in euros (sent in cents), date, reference. */
@Component({
  selector: 'mx-payment-form',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatHint, MatSuffix, MatInput, MatSelect, MatOption, FormAlert],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" aria-labelledby="payment-title" class="card">
      <h3 id="payment-title" i18n="@@pay.title">Enregistrer un règlement</h3>
      <mx-form-alert [messages]="alerts()" />
      <div class="row">
        <mat-form-field>
          <mat-label i18n="@@pay.method">Mode de règlement</mat-label>
          <mat-select formControlName="method">
            @for (method of methods; track method.value) {
              <mat-option [value]="method.value">{{ method.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ error('method') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@pay.amount">Montant</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" />
          <span matTextSuffix>€</span>
          <mat-hint i18n="@@pay.amountHint">Reste dû : {{ balance() }}</mat-hint>
          <mat-error>{{ error('amount') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@pay.paidOn">Date de réception</mat-label>
          <input matInput type="date" formControlName="paidOn" />
          <mat-error>{{ error('paidOn') }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@pay.reference">Référence (facultatif)</mat-label>
          <input matInput formControlName="reference" autocomplete="off" />
          <mat-error>{{ error('reference') }}</mat-error>
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [disabled]="saving()" i18n="@@pay.submit">Enregistrer le règlement</button>
    </form>
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; margin-top: 16px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PaymentForm {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  readonly invoiceId = input.required<string>();
  readonly balanceCents = input.required<number>();
  readonly recorded = output<void>();
  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly methods = Object.entries(PAYMENT_METHOD_LABELS).map(([value, label]) => ({ value: value as Method, label }));
  protected readonly saving = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly form = new FormGroup({
    method: new FormControl<Method>('transfer', { nonNullable: true, validators: [Validators.required] }),
    amount: new FormControl('', { nonNullable: true, validators: [Validators.required, amountValidator] }),
    paidOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
    reference: new FormControl('', { nonNullable: true }),
  });

  protected balance(): string {
    return euros(this.balanceCents());
  }
  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  protected async submit(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { method, amount, paidOn, reference } = this.form.getRawValue();
    this.saving.set(true);
    try {
      const body = { method, amountCents: eurosToCents(amount)!, paidOn, ...(reference.trim() ? { reference: reference.trim() } : {}) };
      await this.api.unwrap(this.api.client.POST('/api/v1/invoices/{id}/payments', { params: { path: { id: this.invoiceId() } }, body }));
      this.toaster.success($localize`:@@pay.recorded:Règlement enregistré.`);
      // Through the directive: its « submitted » state goes too, so the emptied fields show no error.
      this.formDirective().resetForm({ method: 'transfer', amount: '', paidOn: todayIso(), reference: '' });
      this.recorded.emit();
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        // The server speaks in cents: its /amountCents pointer is the amount field.
        const errors = error.errors.map((problem) => (problem.pointer === '/amountCents' ? { ...problem, pointer: '/amount' } : problem));
        this.alerts.set(applyServerErrors(this.form, errors));
      } else if (error instanceof ApiProblem) this.alerts.set([problemMessage(error)]);
      else this.toaster.error(error);
    } finally {
      this.saving.set(false);
    }
  }
}
