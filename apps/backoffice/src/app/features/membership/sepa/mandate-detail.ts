import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { frenchDate } from '../membership-labels';
import { MANDATE_STATUS_LABELS, SEQUENCE_TYPE_LABELS, type SepaMandate } from './sepa-labels';

/** One SEPA mandate (IBAN masked) and its revocation, which is final. */
@Component({
  selector: 'mx-mandate-detail',
  imports: [MatButton, RouterLink, LoadingState],
  template: `
    @if (mandate(); as mandate) {
      <section class="page">
        <div class="page-header">
          <h1 i18n="@@sepa.mandateTitle">Mandat {{ mandate.reference }}</h1>
          @if (canRevoke()) {
            <button mat-stroked-button type="button" (click)="revoke()" [disabled]="busy()" i18n="@@sepa.revoke">Révoquer le mandat</button>
          }
        </div>
        <dl class="facts">
          <div><dt i18n="@@sepa.status">Statut</dt><dd data-testid="mandate-status">{{ statusLabel() }}</dd></div>
          <div><dt i18n="@@sepa.debtor">Débiteur</dt><dd><a [routerLink]="['/crm/companies', mandate.organizationId]">{{ mandate.debtorName }}</a></dd></div>
          <div><dt i18n="@@sepa.creditorEntity">Créancier</dt><dd>{{ entityName() }}</dd></div>
          <div><dt i18n="@@sepa.iban">IBAN</dt><dd>{{ mandate.ibanMasked }}</dd></div>
          <div><dt i18n="@@sepa.bic">BIC</dt><dd>{{ mandate.bic ?? '—' }}</dd></div>
          <div><dt i18n="@@sepa.signatureDate">Signé le</dt><dd>{{ date(mandate.signatureDate) }}</dd></div>
          <div><dt i18n="@@sepa.sequenceType">Type de séquence</dt><dd>{{ sequenceLabel() }}</dd></div>
          @if (mandate.revokedAt) {
            <div><dt i18n="@@sepa.revokedAt">Révoqué le</dt><dd>{{ date(mandate.revokedAt) }}</dd></div>
          }
        </dl>
      </section>
    } @else {
      <mx-loading-state />
    }
  `,
  styles: `
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px 24px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .facts dd { margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly mandate = signal<SepaMandate | null>(null);
  protected readonly busy = signal(false);
  protected readonly canRevoke = computed(
    () => this.mandate()?.status === 'active' && (this.session.me()?.permissions.includes('membership.invoices.write') ?? false),
  );
  protected readonly statusLabel = computed(() => MANDATE_STATUS_LABELS[this.mandate()?.status ?? ''] ?? '');
  protected readonly sequenceLabel = computed(() => {
    const mandate = this.mandate();
    return mandate ? SEQUENCE_TYPE_LABELS[mandate.sequenceType] : '';
  });
  protected readonly entityName = computed(() => this.scope.entities().find((entity) => entity.id === this.mandate()?.entityId)?.name ?? '—');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected date(iso: string | null): string {
    return frenchDate(iso);
  }

  private async load(id: string): Promise<void> {
    if (!id) return;
    try {
      this.mandate.set(await this.api.unwrap(this.api.client.GET('/api/v1/sepa-mandates/{id}', { params: { path: { id } } })));
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected async revoke(): Promise<void> {
    const mandate = this.mandate();
    if (!mandate) return;
    const confirmed = await this.confirm.ask({
      title: $localize`:@@sepa.revokeTitle:Révoquer ce mandat ?`,
      message: $localize`:@@sepa.revokeConfirm:Le mandat ${mandate.reference}:reference: ne pourra plus être prélevé. La révocation est définitive.`,
      confirmLabel: $localize`:@@sepa.revoke:Révoquer le mandat`,
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set(true);
    try {
      this.mandate.set(await this.api.unwrap(this.api.client.POST('/api/v1/sepa-mandates/{id}/revoke', { params: { path: { id: mandate.id } } })));
      this.toaster.success($localize`:@@sepa.revoked:Mandat révoqué.`);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }
}
