import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { Toaster } from '../../../shared/toast/toaster';
import { frenchDate } from '../membership-labels';
import { MandateCreateDialog } from './mandate-create-dialog';
import { MANDATE_STATUS_LABELS, SEQUENCE_TYPE_LABELS, type SepaMandate } from './sepa-labels';

/** The SEPA mandates of the user's entities (status filter), and the dialog to record a new one. */
@Component({
  selector: 'mx-mandate-list',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ title }}</h1>
        @if (canWrite()) {
          <button mat-flat-button type="button" (click)="create()" i18n="@@sepa.mandateCreate">Nouveau mandat</button>
        }
      </div>
      <mx-data-table [caption]="title" [columns]="columns()" [filters]="filters" [fetchPage]="fetchPage" [emptyText]="empty" />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateList {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);
  private readonly session = inject(Session);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('membership.invoices.write') ?? false);

  protected readonly title = $localize`:@@sepa.mandates:Mandats SEPA`;
  protected readonly empty = $localize`:@@sepa.mandatesEmpty:Aucun mandat SEPA ne correspond à ces critères.`;

  protected readonly columns = computed<ReadonlyArray<TableColumn<SepaMandate>>>(() => {
    const names = new Map(this.scope.entities().map((entity) => [entity.id, entity.name]));
    return [
      { key: 'reference', label: $localize`:@@sepa.reference:Référence (RUM)`, cell: (m) => m.reference, link: (m) => ['/memberships/sepa-mandates', m.id] },
      { key: 'debtorName', label: $localize`:@@sepa.debtor:Débiteur`, cell: (m) => m.debtorName },
      { key: 'iban', label: $localize`:@@sepa.iban:IBAN`, cell: (m) => m.ibanMasked },
      { key: 'entity', label: $localize`:@@sepa.creditorEntity:Créancier`, cell: (m) => names.get(m.entityId) ?? '—' },
      { key: 'signatureDate', label: $localize`:@@sepa.signatureDate:Signé le`, cell: (m) => frenchDate(m.signatureDate) },
      { key: 'sequenceType', label: $localize`:@@sepa.sequenceType:Type de séquence`, cell: (m) => SEQUENCE_TYPE_LABELS[m.sequenceType] },
      { key: 'status', label: $localize`:@@sepa.status:Statut`, cell: (m) => MANDATE_STATUS_LABELS[m.status] ?? m.status },
    ];
  });

  protected readonly filters: readonly TableFilter[] = [
    { key: 'status', label: $localize`:@@sepa.status:Statut`, type: 'select', options: Object.entries(MANDATE_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
  ];

  /** The API lists every mandate at once and knows only its own filters (no paging, sort or limit). */
  protected readonly fetchPage: PageFetcher<SepaMandate> = async (query) => {
    const status = query['status'] as SepaMandate['status'] | undefined;
    const page = await this.api.unwrap(this.api.client.GET('/api/v1/sepa-mandates', { params: { query: status ? { status } : {} } }));
    return { items: page.items, nextCursor: null };
  };

  protected create(): void {
    const ref = this.dialog.open<MandateCreateDialog, void, SepaMandate>(MandateCreateDialog, { width: '640px' });
    ref.afterClosed().subscribe((mandate) => {
      if (!mandate) return;
      this.toaster.success($localize`:@@sepa.mandateCreated:Mandat ${mandate.reference}:reference: enregistré.`);
      void this.router.navigate(['/memberships/sepa-mandates', mandate.id]);
    });
  }
}
