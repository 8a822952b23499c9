import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked, type WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { Session } from '../../../core/auth/session';
import { FormAlert } from '../../../shared/form/form-alert';
import { formAlertsFor } from '../../../shared/form/form-alerts';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { downloadFile } from '../file-download';
import { euros, frenchDate, todayIso } from '../membership-labels';
import { BATCH_STATUS_LABELS, DEBIT_STATUS_LABELS, REJECTION_REASONS, SEQUENCE_TYPE_LABELS, type SepaBatch, type SepaDebit } from './sepa-labels';

/** One batch: its debits, the pain.008 file, settlement by the bank and rejected debits (R-transactions). */
@Component({
  selector: 'mx-batch-detail',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatLabel, MatInput, MatSelect, MatOption, RouterLink, FormAlert, LoadingState],
  template: `
    @if (batch(); as batch) {
      <section class="page">
        <div class="page-header">
          <h1 i18n="@@sepa.batchTitle">Remise du {{ date(batch.collectionDate) }}</h1>
          <button mat-stroked-button type="button" (click)="downloadXml()" [disabled]="downloading()" i18n="@@sepa.downloadXml">Télécharger le fichier pain.008</button>
        </div>
        <dl class="facts">
          <div><dt i18n="@@sepa.status">Statut</dt><dd data-testid="batch-status">{{ statusLabel() }}</dd></div>
          <div><dt i18n="@@sepa.messageId">Identifiant du message</dt><dd class="wrap">{{ batch.messageId }}</dd></div>
          <div><dt i18n="@@sepa.createdOn">Créée le</dt><dd>{{ date(batch.createdAt) }}</dd></div>
          <div><dt i18n="@@sepa.debits">Prélèvements</dt><dd>{{ batch.numberOfTransactions }}</dd></div>
          <div><dt i18n="@@sepa.total">Montant total</dt><dd>{{ money(batch.controlSumCents) }}</dd></div>
          @if (batch.settledOn) {
            <div><dt i18n="@@sepa.settledOn">Réglée le</dt><dd>{{ date(batch.settledOn) }}</dd></div>
          }
        </dl>

        <h2 i18n="@@sepa.debits">Prélèvements</h2>
        <table class="simple">
          <caption class="visually-hidden" i18n="@@sepa.debitsCaption">Prélèvements de la remise</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@inv.number">Numéro</th>
              <th scope="col" i18n="@@sepa.reference">Référence (RUM)</th>
              <th scope="col" i18n="@@sepa.sequenceType">Type de séquence</th>
              <th scope="col" class="num" i18n="@@sepa.amount">Montant</th>
              <th scope="col" i18n="@@sepa.status">Statut</th>
            </tr>
          </thead>
          <tbody>
            @for (debit of batch.items; track debit.invoiceId) {
              <tr>
                <td><a [routerLink]="['/memberships/invoices', debit.invoiceId]">{{ debit.invoiceNumber }}</a></td>
                <td><a [routerLink]="['/memberships/sepa-mandates', debit.mandateId]">{{ debit.mandateReference }}</a></td>
                <td>{{ sequenceLabel(debit) }}</td>
                <td class="num">{{ money(debit.amountCents) }}</td>
                <td>{{ debitLabel(debit) }}</td>
              </tr>
            }
          </tbody>
        </table>

        @if (canWrite()) {
          <div class="forms">
            @if (batch.status === 'exported') {
              <form [formGroup]="settleForm" (ngSubmit)="settle()" class="card" aria-labelledby="settle-title" novalidate>
                <h2 id="settle-title" i18n="@@sepa.settleTitle">Marquer la remise réglée</h2>
                <p class="muted" i18n="@@sepa.settleHelp">Un règlement par prélèvement est enregistré sur chaque facture non rejetée.</p>
                <mx-form-alert [messages]="settleAlerts()" />
                <mat-form-field>
                  <mat-label i18n="@@sepa.settledOnLabel">Date de crédit en banque</mat-label>
                  <input matInput type="date" formControlName="settledOn" />
                  <mat-error>{{ errorOf(settleForm.controls.settledOn) }}</mat-error>
                </mat-form-field>
                <div><button mat-flat-button type="submit" [disabled]="busy()" i18n="@@sepa.settle">Marquer réglée</button></div>
              </form>
            }
            @if (rejectable().length > 0) {
              <form [formGroup]="rejectForm" (ngSubmit)="reject()" class="card" aria-labelledby="reject-title" novalidate>
                <h2 id="reject-title" i18n="@@sepa.rejectTitle">Enregistrer un rejet</h2>
                <p class="muted" i18n="@@sepa.rejectHelp">
                  Un prélèvement déjà réglé voit son règlement annulé : la facture redevient due. Les motifs AC01, AC04, AC06, AG01, MD01 et MD07 révoquent aussi le
                  mandat.
                </p>
                <mx-form-alert [messages]="rejectAlerts()" />
                <div class="row">
                  <mat-form-field>
                    <mat-label i18n="@@sepa.rejectedInvoice">Facture rejetée</mat-label>
                    <mat-select formControlName="invoiceId">
                      @for (debit of rejectable(); track debit.invoiceId) {
                        <mat-option [value]="debit.invoiceId">{{ debit.invoiceNumber }} — {{ money(debit.amountCents) }}</mat-option>
                      }
                    </mat-select>
                    <mat-error>{{ errorOf(rejectForm.controls.invoiceId) }}</mat-error>
                  </mat-form-field>
                  <mat-form-field class="reason">
                    <mat-label i18n="@@sepa.reasonCode">Motif de rejet (code ISO)</mat-label>
                    <mat-select formControlName="reasonCode">
                      @for (reason of reasons; track reason.code) {
                        <mat-option [value]="reason.code">{{ reason.label }}</mat-option>
                      }
                    </mat-select>
                    <mat-error>{{ errorOf(rejectForm.controls.reasonCode) }}</mat-error>
                  </mat-form-field>
                  <mat-form-field>
                    <mat-label i18n="@@sepa.rejectedOn">Date du rejet</mat-label>
                    <input matInput type="date" formControlName="rejectedOn" />
                    <mat-error>{{ errorOf(rejectForm.controls.rejectedOn) }}</mat-error>
                  </mat-form-field>
                </div>
                <div><button mat-stroked-button type="submit" [disabled]="busy()" i18n="@@sepa.rejectSubmit">Enregistrer le rejet</button></div>
              </form>
            }
          </div>
        }
      </section>
    } @else {
      <mx-loading-state />
    }
  `,
  styles: `
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px 24px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .facts dd { margin: 0; }
    .wrap { overflow-wrap: anywhere; }
    table.simple { border-collapse: collapse; width: 100%; }
    table.simple th, table.simple td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    table.simple .num { text-align: right; }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; margin-top: 24px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
    .reason { min-width: 360px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BatchDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly batch = signal<SepaBatch | null>(null);
  protected readonly busy = signal(false);
  protected readonly downloading = signal(false);
  protected readonly settleAlerts = signal<string[]>([]);
  protected readonly rejectAlerts = signal<string[]>([]);
  protected readonly reasons = REJECTION_REASONS;
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('membership.invoices.write') ?? false);
  protected readonly statusLabel = computed(() => BATCH_STATUS_LABELS[this.batch()?.status ?? ''] ?? '');
  protected readonly rejectable = computed(() => this.batch()?.items.filter((debit) => debit.status !== 'rejected') ?? []);

  protected readonly settleForm = new FormGroup({ settledOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }) });
  protected readonly rejectForm = new FormGroup({
    invoiceId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    reasonCode: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    rejectedOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected date(iso: string | null): string {
    return frenchDate(iso);
  }
  protected money(cents: number): string {
    return euros(cents);
  }
  protected sequenceLabel(debit: SepaDebit): string {
    return SEQUENCE_TYPE_LABELS[debit.sequenceType];
  }
  protected debitLabel(debit: SepaDebit): string {
    const label = DEBIT_STATUS_LABELS[debit.status] ?? debit.status;
    return debit.status === 'rejected' ? `${label} (${debit.rejectionReasonCode ?? '—'}, ${frenchDate(debit.rejectedOn)})` : label;
  }
  protected errorOf(control: FormControl<string>): string {
    return fieldErrorText(control);
  }

  private async load(id: string): Promise<void> {
    if (!id) return;
    try {
      this.batch.set(await this.api.unwrap(this.api.client.GET('/api/v1/sepa-batches/{id}', { params: { path: { id } } })));
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected async downloadXml(): Promise<void> {
    const batch = this.batch();
    if (!batch) return;
    this.downloading.set(true);
    try {
      await downloadFile(`/api/v1/sepa-batches/${batch.id}/pain.008.xml`, 'application/xml', `pain008-${batch.messageId}.xml`);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.downloading.set(false);
    }
  }

  protected async settle(): Promise<void> {
    const batch = this.batch();
    if (!batch || !this.valid(this.settleForm, this.settleAlerts)) return;
    await this.write(this.settleForm, this.settleAlerts, async () => {
      const body = this.settleForm.getRawValue();
      this.batch.set(await this.api.unwrap(this.api.client.POST('/api/v1/sepa-batches/{id}/settle', { params: { path: { id: batch.id } }, body })));
      this.toaster.success($localize`:@@sepa.settled:Remise marquée réglée ; les règlements sont enregistrés sur les factures.`);
    });
  }

  protected async reject(): Promise<void> {
    const batch = this.batch();
    if (!batch || !this.valid(this.rejectForm, this.rejectAlerts)) return;
    await this.write(this.rejectForm, this.rejectAlerts, async () => {
      const body = this.rejectForm.getRawValue();
      this.batch.set(await this.api.unwrap(this.api.client.POST('/api/v1/sepa-batches/{id}/rejections', { params: { path: { id: batch.id } }, body })));
      this.rejectForm.reset({ invoiceId: '', reasonCode: '', rejectedOn: todayIso() });
      this.toaster.success($localize`:@@sepa.rejected:Rejet enregistré.`);
    });
  }

  private valid(form: FormGroup, alerts: WritableSignal<string[]>): boolean {
    alerts.set([]);
    if (form.valid) return true;
    form.markAllAsTouched();
    return false;
  }

  /** Runs one write; the server's field errors go on the form's fields. */
  private async write(form: FormGroup, alerts: WritableSignal<string[]>, action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      if (error instanceof ApiProblem) alerts.set(formAlertsFor(form, error));
      else this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }
}
