import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { Session } from '../../../core/auth/session';
import { FormAlert } from '../../../shared/form/form-alert';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { MEMBERSHIP_STATUS_LABELS, frenchDate, todayIso, type MembershipDetail } from '../membership-labels';

/** A membership: its company, type, period, status history; cancel it with a reason. */
@Component({
  selector: 'mx-membership-detail',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatInput, RouterLink, LoadingState, FormAlert],
  template: `
    @if (membership(); as membership) {
      <section class="page">
        <div class="page-header">
          <h1>{{ membership.organizationName }} — {{ membership.type.label }}</h1>
        </div>
        <dl class="facts">
          <div><dt i18n="@@ms.status">Statut</dt><dd>{{ statusLabel(membership.status) }}</dd></div>
          <div><dt i18n="@@ms.company">Entreprise</dt><dd><a [routerLink]="['/crm/companies', membership.organizationId]" i18n="@@ms.openCompany">Fiche entreprise</a></dd></div>
          <div><dt i18n="@@ms.since">Adhérent depuis</dt><dd>{{ date(membership.startedOn) }}</dd></div>
          <div><dt i18n="@@ms.period">Période en cours</dt><dd>{{ date(membership.currentPeriodStart) }} → {{ date(membership.currentPeriodEnd) }}</dd></div>
          <div><dt i18n="@@ms.periodKind">Périodes</dt><dd>{{ membership.periodKind === 'calendar' ? calendarLabel : anniversaryLabel }}</dd></div>
          <div><dt i18n="@@ms.tacit">Reconduction tacite</dt><dd>{{ membership.tacitRenewal ? yes : no }}</dd></div>
          @if (membership.joinInvoiceId) {
            <div><dt i18n="@@ms.joinInvoice">Facture d'adhésion</dt><dd><a [routerLink]="['/memberships/invoices', membership.joinInvoiceId]" i18n="@@inv.open">Ouvrir</a></dd></div>
          }
          @if (membership.cancellationReason) {
            <div><dt i18n="@@ms.cancelReason">Motif de résiliation</dt><dd>{{ membership.cancellationReason }}</dd></div>
          }
        </dl>

        <h2 i18n="@@ms.history">Historique des statuts</h2>
        <ol class="history">
          @for (change of membership.history; track $index) {
            <li>
              <strong>{{ date(change.effectiveOn) }}</strong> — {{ statusLabel(change.toStatus) }}
              @if (change.reason) { : {{ change.reason }} }
            </li>
          }
        </ol>

        @if (canCancel()) {
          <form [formGroup]="cancelForm" (ngSubmit)="cancel()" class="card" aria-labelledby="cancel-title">
            <h2 id="cancel-title" i18n="@@ms.cancelTitle">Résilier l'adhésion</h2>
            <mx-form-alert [messages]="alerts()" />
            <mat-form-field class="wide">
              <mat-label i18n="@@ms.cancelReason">Motif de résiliation</mat-label>
              <textarea matInput formControlName="reason" rows="2"></textarea>
              <mat-error>{{ reasonError() }}</mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" class="destructive" i18n="@@ms.cancel">Résilier</button>
          </form>
        }
      </section>
    } @else {
      <mx-loading-state />
    }
  `,
  styles: `
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px 24px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .facts dd { margin: 0; }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px 24px; margin-top: 24px; }
    .wide { width: 100%; }
    .destructive { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipDetailPage {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly membership = signal<MembershipDetail | null>(null);
  protected readonly alerts = signal<string[]>([]);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required] });
  protected readonly cancelForm = new FormGroup({ reason: this.reason });
  protected readonly calendarLabel = $localize`:@@ms.calendar:Années civiles`;
  protected readonly anniversaryLabel = $localize`:@@ms.anniversary:Date anniversaire`;
  protected readonly yes = $localize`:@@yes:Oui`;
  protected readonly no = $localize`:@@no:Non`;
  protected readonly canCancel = computed(() => {
    const status = this.membership()?.status;
    const permitted = this.session.me()?.permissions.includes('membership.memberships.write') ?? false;
    return permitted && status !== undefined && status !== 'cancelled' && status !== 'lapsed';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected statusLabel(status: string | null): string {
    return status ? (MEMBERSHIP_STATUS_LABELS[status] ?? status) : '—';
  }
  protected date(iso: string | null): string {
    return frenchDate(iso);
  }
  protected reasonError(): string {
    return fieldErrorText(this.reason);
  }

  protected async cancel(): Promise<void> {
    this.alerts.set([]);
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    try {
      const membership = await this.api.unwrap(
        this.api.client.POST('/api/v1/memberships/{id}/cancel', { params: { path: { id: this.id() } }, body: { reason: this.reason.value.trim(), cancelledOn: todayIso() } }),
      );
      this.membership.set(membership);
      this.toaster.success($localize`:@@ms.cancelled:Adhésion résiliée.`);
    } catch (error) {
      if (error instanceof ApiProblem) this.alerts.set([...error.errors.map((e) => e.message), ...(error.errors.length ? [] : [problemMessage(error)])]);
      else this.toaster.error(error);
    }
  }

  private async load(id: string): Promise<void> {
    if (!id) return;
    try {
      const membership = await this.api.unwrap(this.api.client.GET('/api/v1/memberships/{id}', { params: { path: { id } } }));
      this.membership.set(membership);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
