import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { JobProgress, type JobProgressValue } from '../../../shared/progress/job-progress';
import { Toaster } from '../../../shared/toast/toaster';
import { CAMPAIGN_STATUS_LABELS, frenchDate, todayIso, type Campaign } from '../membership-labels';

const POLL_MS = 1000;

/** Launch a renewal campaign for an entity and a year, and follow its progress (polled). */
@Component({
  selector: 'mx-campaigns-page',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatHint, MatInput, MatSelect, MatOption, FormAlert, JobProgress, RouterLink],
  template: `
    <section class="page">
      <div class="page-header"><h1 i18n="@@ms.campaigns">Campagnes de renouvellement</h1></div>

      @if (canRun()) {
        <form [formGroup]="form" (ngSubmit)="launch()" class="card" aria-labelledby="launch-title">
          <h2 id="launch-title" i18n="@@camp.launchTitle">Lancer une campagne</h2>
          <p class="muted" i18n="@@camp.launchHelp">La campagne émet une facture de cotisation pour chaque adhérent à renouveler, une seule fois même si elle est relancée.</p>
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
              <mat-label i18n="@@camp.year">Année</mat-label>
              <input matInput type="number" formControlName="year" />
              <mat-error>{{ error('year') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@camp.issueDate">Date d'émission</mat-label>
              <input matInput type="date" formControlName="issueDate" />
              <mat-error>{{ error('issueDate') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@camp.dueDate">Date d'échéance</mat-label>
              <input matInput type="date" formControlName="dueDate" />
              <mat-hint i18n="@@camp.dueHint">Après la date d'émission</mat-hint>
              <mat-error>{{ error('dueDate') }}</mat-error>
            </mat-form-field>
          </div>
          <button mat-flat-button type="submit" [disabled]="launching()" i18n="@@camp.launch">Lancer la campagne</button>
        </form>
      }

      @if (current(); as campaign) {
        <section class="card" aria-labelledby="progress-title">
          <h2 id="progress-title" i18n="@@camp.progressTitle">Campagne {{ campaign.year }} — {{ entityName(campaign.entityId) }}</h2>
          <mx-job-progress i18n-label="@@camp.progressLabel" label="Émission des factures de renouvellement" [value]="progress()!" />
          <dl class="counts">
            <div><dt i18n="@@camp.total">Adhérents à renouveler</dt><dd>{{ campaign.counts.total }}</dd></div>
            <div><dt i18n="@@camp.issued">Factures émises</dt><dd>{{ campaign.counts.issued }}</dd></div>
            <div><dt i18n="@@camp.skipped">Ignorés</dt><dd>{{ campaign.counts.skipped }}</dd></div>
            <div><dt i18n="@@camp.failed">Échecs</dt><dd>{{ campaign.counts.failed }}</dd></div>
          </dl>
          @if (campaign.status === 'completed') {
            <p>
              <a [routerLink]="['/memberships/invoices']" [queryParams]="{ 'filter[issueDate][gte]': campaign.issueDate }" i18n="@@camp.seeInvoices">Voir les factures émises</a>
            </p>
          }
          @if (campaign.failures.length > 0) {
            <h3 i18n="@@camp.failures">Échecs</h3>
            <ul>
              @for (failure of campaign.failures; track failure.membershipId) {
                <li><a [routerLink]="['/memberships/list', failure.membershipId]" i18n="@@camp.failureLink">Adhésion</a> : {{ failure.reason }}</li>
              }
            </ul>
          }
        </section>
      }

      <section aria-labelledby="history-title">
        <h2 id="history-title" i18n="@@camp.history">Campagnes lancées</h2>
        @if (campaigns().length === 0) {
          <p class="muted" i18n="@@camp.none">Aucune campagne pour le moment.</p>
        } @else {
          <table class="simple">
            <caption class="visually-hidden" i18n="@@camp.history">Campagnes lancées</caption>
            <thead>
              <tr>
                <th scope="col" i18n="@@ms.entity">Structure</th>
                <th scope="col" i18n="@@camp.year">Année</th>
                <th scope="col" i18n="@@camp.issueDate">Date d'émission</th>
                <th scope="col" i18n="@@camp.state">État</th>
                <th scope="col" i18n="@@camp.issued">Factures émises</th>
                <th scope="col" i18n="@@camp.failed">Échecs</th>
                <th scope="col"><span class="visually-hidden" i18n="@@table.actions">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              @for (campaign of campaigns(); track campaign.id) {
                <tr>
                  <td>{{ entityName(campaign.entityId) }}</td>
                  <td>{{ campaign.year }}</td>
                  <td>{{ date(campaign.issueDate) }}</td>
                  <td>{{ statusLabel(campaign.status) }}</td>
                  <td>{{ campaign.counts.issued }} / {{ campaign.counts.total }}</td>
                  <td>{{ campaign.counts.failed }}</td>
                  <td><button mat-button type="button" (click)="follow(campaign)" i18n="@@camp.follow">Suivre</button></td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    </section>
  `,
  styles: `
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; margin-bottom: 24px; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
    .entity { min-width: 320px; }
    .counts { display: flex; gap: 32px; flex-wrap: wrap; }
    .counts dt { color: var(--mat-sys-on-surface-variant); }
    .counts dd { margin: 0; font-size: 1.5rem; }
    table.simple { border-collapse: collapse; width: 100%; }
    table.simple th, table.simple td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignsPage {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);

  protected readonly canRun = computed(() => this.session.me()?.permissions.includes('membership.campaigns.run') ?? false);
  protected readonly campaigns = signal<Campaign[]>([]);
  protected readonly current = signal<Campaign | null>(null);
  protected readonly launching = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly progress = computed<JobProgressValue | null>(() => {
    const campaign = this.current();
    if (!campaign) return null;
    const { total, issued, skipped, failed } = campaign.counts;
    return { state: campaign.status, done: issued + skipped + failed, total: campaign.status === 'queued' ? null : total };
  });

  private readonly year = new Date().getFullYear() + 1;
  protected readonly form = new FormGroup({
    entityId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    year: new FormControl(this.year, { nonNullable: true, validators: [Validators.required] }),
    issueDate: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
    dueDate: new FormControl(`${this.year}-01-31`, { nonNullable: true, validators: [Validators.required] }),
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      const entityId = this.scope.defaultEntityId();
      if (!this.form.controls.entityId.value) this.form.controls.entityId.setValue(entityId);
      void this.load(this.scope.entityId());
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected error(name: keyof typeof this.form.controls): string {
    return fieldErrorText(this.form.controls[name]);
  }
  protected entityName(id: string): string {
    return this.scope.entities().find((entity) => entity.id === id)?.name ?? '—';
  }
  protected statusLabel(status: string): string {
    return CAMPAIGN_STATUS_LABELS[status] ?? status;
  }
  protected date(iso: string): string {
    return frenchDate(iso);
  }

  protected async launch(): Promise<void> {
    this.alerts.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.launching.set(true);
    try {
      const value = this.form.getRawValue();
      const campaign = await this.api.unwrap(this.api.client.POST('/api/v1/membership/campaigns', { body: { ...value, year: Number(value.year) } }));
      this.toaster.success($localize`:@@camp.launched:Campagne lancée.`);
      this.follow(campaign);
      void this.load(this.scope.entityId());
    } catch (error) {
      if (error instanceof ApiProblem && error.errors.length > 0) this.alerts.set(applyServerErrors(this.form, error.errors));
      else if (error instanceof ApiProblem) this.alerts.set([problemMessage(error)]);
      else this.toaster.error(error);
    } finally {
      this.launching.set(false);
    }
  }

  protected follow(campaign: Campaign): void {
    clearTimeout(this.timer);
    this.current.set(campaign);
    if (campaign.status !== 'completed') this.timer = setTimeout(() => void this.poll(campaign.id), POLL_MS);
  }

  private async poll(id: string): Promise<void> {
    try {
      const campaign = await this.api.unwrap(this.api.client.GET('/api/v1/membership/campaigns/{id}', { params: { path: { id } } }));
      if (this.current()?.id !== id) return;
      this.follow(campaign);
      if (campaign.status === 'completed') {
        this.toaster.success($localize`:@@camp.done:Campagne terminée : ${campaign.counts.issued}:issued: facture(s) émise(s).`);
        void this.load(this.scope.entityId());
      }
    } catch (error) {
      this.toaster.error(error);
    }
  }

  private async load(entityId: string | null): Promise<void> {
    try {
      const query = entityId ? { entityId } : {};
      const result = await this.api.unwrap(this.api.client.GET('/api/v1/membership/campaigns', { params: { query } }));
      this.campaigns.set(result.items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
