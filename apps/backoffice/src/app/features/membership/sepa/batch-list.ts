import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { entityFieldFollowsScope } from '../../../core/scope/entity-field';
import { DataTable, type PageFetcher, type TableColumn } from '../../../shared/data-table/data-table';
import { FormAlert } from '../../../shared/form/form-alert';
import { formAlertsFor } from '../../../shared/form/form-alerts';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { Toaster } from '../../../shared/toast/toaster';
import { euros, frenchDate, todayIso } from '../membership-labels';
import { CreditorCard } from './creditor-card';
import { BATCH_STATUS_LABELS, type SepaBatchSummary } from './sepa-labels';

/** Tomorrow in Paris: the bank needs the file before the collection date. */
function tomorrowIso(): string {
  const date = new Date(`${todayIso()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** SEPA direct-debit batches (pain.008) of the chosen branch, a new batch, and the creditor identity it needs. */
@Component({
  selector: 'mx-batch-list',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatLabel, MatInput, MatSelect, MatOption, DataTable, FormAlert, CreditorCard],
  template: `
    <section class="page">
      <div class="page-header"><h1>{{ title }}</h1></div>

      @if (canWrite()) {
        <form [formGroup]="form" (ngSubmit)="create()" class="card" aria-labelledby="batch-title" novalidate>
          <h2 id="batch-title" i18n="@@sepa.batchCreateTitle">Nouvelle remise</h2>
          <p class="muted" i18n="@@sepa.batchHelp">La remise reprend les factures émises et non réglées de la structure dont le client a un mandat actif ; une facture n'est prélevée qu'une fois.</p>
          <mx-form-alert [messages]="alerts()" />
          <div class="row">
            <mat-form-field class="entity">
              <mat-label i18n="@@sepa.creditorEntity">Créancier</mat-label>
              <mat-select formControlName="entityId">
                @for (entity of scope.entities(); track entity.id) {
                  <mat-option [value]="entity.id">{{ entity.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ error('entityId') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@sepa.collectionDate">Date de prélèvement</mat-label>
              <input matInput type="date" formControlName="collectionDate" />
              <mat-hint i18n="@@sepa.collectionHint">Postérieure à aujourd'hui</mat-hint>
              <mat-error>{{ error('collectionDate') }}</mat-error>
            </mat-form-field>
          </div>
          <button mat-flat-button type="submit" [disabled]="saving()" i18n="@@sepa.batchSubmit">Créer la remise</button>
        </form>
      }
      @if (entityId()) {
        <mx-creditor-card [entityId]="entityId()" [canWrite]="canWrite()" />
      }

      <mx-data-table [caption]="title" [columns]="columns" [fetchPage]="fetchPage" [scopeQuery]="scopeQuery()" [emptyText]="empty" />
    </section>
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; margin-bottom: 24px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
    .entity { min-width: 320px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BatchList {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('membership.invoices.write') ?? false);

  protected readonly title = $localize`:@@sepa.batches:Prélèvements`;
  protected readonly empty = $localize`:@@sepa.batchesEmpty:Aucune remise de prélèvements.`;
  protected readonly saving = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly form = new FormGroup({
    entityId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    collectionDate: new FormControl(tomorrowIso(), { nonNullable: true, validators: [Validators.required] }),
  });
  /** The creditor shown is the one the form would collect for. */
  protected readonly entityId = toSignal(this.form.controls.entityId.valueChanges, { initialValue: '' });

  protected readonly columns: ReadonlyArray<TableColumn<SepaBatchSummary>> = [
    { key: 'createdAt', label: $localize`:@@sepa.createdOn:Créée le`, cell: (b) => frenchDate(b.createdAt), link: (b) => ['/memberships/sepa-batches', b.id] },
    { key: 'messageId', label: $localize`:@@sepa.messageId:Identifiant du message`, cell: (b) => b.messageId },
    { key: 'collectionDate', label: $localize`:@@sepa.collectionDate:Date de prélèvement`, cell: (b) => frenchDate(b.collectionDate) },
    { key: 'count', label: $localize`:@@sepa.debits:Prélèvements`, cell: (b) => String(b.numberOfTransactions) },
    { key: 'total', label: $localize`:@@sepa.total:Montant total`, cell: (b) => euros(b.controlSumCents) },
    { key: 'status', label: $localize`:@@sepa.status:Statut`, cell: (b) => BATCH_STATUS_LABELS[b.status] ?? b.status },
  ];

  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['entityId'] = entityId;
    return query;
  });

  /** The API answers the latest 200 batches at once and knows only the entity filter. */
  protected readonly fetchPage: PageFetcher<SepaBatchSummary> = async (query) => {
    const entityId = query['entityId'];
    const page = await this.api.unwrap(this.api.client.GET('/api/v1/sepa-batches', { params: { query: entityId ? { entityId } : {} } }));
    return { items: page.items, nextCursor: null };
  };

  constructor() {
    entityFieldFollowsScope(this.form.controls.entityId);
  }

  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }

  protected async create(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      const batch = await this.api.unwrap(this.api.client.POST('/api/v1/sepa-batches', { body: this.form.getRawValue() }));
      this.toaster.success($localize`:@@sepa.batchCreated:Remise créée : ${batch.numberOfTransactions}:count: prélèvement(s).`);
      await this.router.navigate(['/memberships/sepa-batches', batch.id]);
    } catch (error) {
      if (error instanceof ApiProblem) this.alerts.set(formAlertsFor(this.form, error));
      else this.toaster.error(error);
    } finally {
      this.saving.set(false);
    }
  }
}
