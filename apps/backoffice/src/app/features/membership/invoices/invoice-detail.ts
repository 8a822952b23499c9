import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { downloadFile } from '../file-download';
import { INVOICE_STATUS_LABELS, PAYMENT_METHOD_LABELS, euros, frenchDate, type Invoice, type Payment } from '../membership-labels';
import { PaymentForm } from './payment-form';

/** One invoice or credit note: issuer, customer, lines, totals, payments; PDF, payment and credit note. */
@Component({
  selector: 'mx-invoice-detail',
  imports: [MatButton, RouterLink, LoadingState, PaymentForm],
  template: `
    @if (invoice(); as invoice) {
      <section class="page">
        <div class="page-header">
          <h1>{{ kindLabel() }} {{ invoice.number ?? draftLabel }}</h1>
          @if (invoice.number) {
            <button mat-stroked-button type="button" (click)="downloadPdf()" [disabled]="downloading()" i18n="@@inv.pdf">Télécharger le PDF</button>
          }
          @if (canCredit()) {
            <button mat-stroked-button type="button" (click)="creditNote()" i18n="@@inv.creditNoteCreate">Établir un avoir</button>
          }
        </div>
        <dl class="facts">
          <div><dt i18n="@@inv.status">Statut</dt><dd data-testid="invoice-status">{{ statusLabel() }}</dd></div>
          <div><dt i18n="@@inv.customer">Client</dt><dd><a [routerLink]="['/crm/companies', invoice.organizationId]">{{ invoice.customer?.name ?? '—' }}</a></dd></div>
          <div><dt i18n="@@inv.issuer">Émetteur</dt><dd>{{ invoice.issuer?.name ?? '—' }}</dd></div>
          <div><dt i18n="@@inv.issueDate">Émise le</dt><dd>{{ date(invoice.issueDate) }}</dd></div>
          <div><dt i18n="@@inv.dueDate">Échéance</dt><dd>{{ date(invoice.dueDate) }}</dd></div>
          <div><dt i18n="@@inv.vat">TVA</dt><dd>{{ invoice.vatMention ?? '—' }}</dd></div>
          @if (invoice.creditedInvoiceId) {
            <div><dt i18n="@@inv.credits">Annule la facture</dt><dd><a [routerLink]="['/memberships/invoices', invoice.creditedInvoiceId]" i18n="@@inv.open">Ouvrir</a></dd></div>
          }
        </dl>

        <h2 i18n="@@inv.lines">Lignes</h2>
        <table class="simple">
          <caption class="visually-hidden" i18n="@@inv.lines">Lignes</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@inv.label">Désignation</th>
              <th scope="col" class="num" i18n="@@inv.quantity">Quantité</th>
              <th scope="col" class="num" i18n="@@inv.unit">Prix unitaire HT</th>
              <th scope="col" class="num" i18n="@@inv.lineTotal">Total HT</th>
            </tr>
          </thead>
          <tbody>
            @for (line of invoice.lines; track line.position) {
              <tr>
                <td>{{ line.label }}</td>
                <td class="num">{{ line.quantity }}</td>
                <td class="num">{{ money(line.unitAmountCents) }}</td>
                <td class="num">{{ money(line.totalExclTaxCents) }}</td>
              </tr>
            }
          </tbody>
        </table>
        <dl class="facts totals">
          <div><dt i18n="@@inv.totalExcl">Total HT</dt><dd>{{ money(invoice.totalExclTaxCents) }}</dd></div>
          <div><dt i18n="@@inv.totalVat">TVA</dt><dd>{{ money(invoice.totalVatCents) }}</dd></div>
          <div><dt i18n="@@inv.total">Montant TTC</dt><dd>{{ money(invoice.totalInclTaxCents) }}</dd></div>
          <div><dt i18n="@@inv.paid">Réglé</dt><dd>{{ money(invoice.paidCents) }}</dd></div>
          <div><dt i18n="@@inv.balance">Reste dû</dt><dd data-testid="invoice-balance">{{ money(invoice.balanceCents) }}</dd></div>
        </dl>

        @if (invoice.kind === 'invoice') {
          <h2 i18n="@@inv.payments">Règlements</h2>
          @if (payments().length === 0) {
            <p class="muted" i18n="@@inv.noPayment">Aucun règlement enregistré.</p>
          } @else {
            <ul>
              @for (payment of payments(); track payment.id) {
                <li>{{ date(payment.paidOn) }} — {{ methodLabel(payment.method) }} — {{ money(payment.amountCents) }}@if (payment.reference) { ({{ payment.reference }}) }</li>
              }
            </ul>
          }
          @if (canPay()) {
            <mx-payment-form [invoiceId]="invoice.id" [balanceCents]="invoice.balanceCents" (recorded)="reload()" />
          }
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
    .totals { margin-top: 16px; }
    table.simple { border-collapse: collapse; width: 100%; }
    table.simple th, table.simple td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    table.simple .num { text-align: right; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly invoice = signal<Invoice | null>(null);
  protected readonly payments = signal<Payment[]>([]);
  protected readonly downloading = signal(false);
  protected readonly draftLabel = $localize`:@@inv.draftNumber:(brouillon)`;
  private readonly canWrite = computed(() => this.session.me()?.permissions.includes('membership.invoices.write') ?? false);
  protected readonly canPay = computed(() => {
    const invoice = this.invoice();
    return this.canWrite() && !!invoice && invoice.balanceCents > 0 && (invoice.status === 'issued' || invoice.status === 'partially_paid');
  });
  protected readonly canCredit = computed(() => {
    const invoice = this.invoice();
    return this.canWrite() && invoice?.kind === 'invoice' && invoice.balanceCents > 0 && invoice.status !== 'draft' && invoice.status !== 'cancelled';
  });
  protected readonly kindLabel = computed(() => (this.invoice()?.kind === 'credit_note' ? $localize`:@@inv.creditNote:Avoir` : $localize`:@@inv.invoice:Facture`));
  protected readonly statusLabel = computed(() => INVOICE_STATUS_LABELS[this.invoice()?.status ?? ''] ?? '');

  constructor() {
    // Reload when the route's id changes (a credit note opens in the same component).
    effect(() => {
      const id = this.id();
      untracked(() => void this.reload(id));
    });
  }

  protected date(iso: string | null): string {
    return frenchDate(iso);
  }
  protected money(cents: number): string {
    return euros(cents);
  }
  protected methodLabel(method: string): string {
    return PAYMENT_METHOD_LABELS[method] ?? method;
  }

  protected async reload(id = this.id()): Promise<void> {
    if (!id) return;
    try {
      const invoice = await this.api.unwrap(this.api.client.GET('/api/v1/invoices/{id}', { params: { path: { id } } }));
      this.invoice.set(invoice);
      if (invoice.kind === 'invoice') {
        const payments = await this.api.unwrap(this.api.client.GET('/api/v1/invoices/{id}/payments', { params: { path: { id } } }));
        this.payments.set(payments.items);
      }
    } catch (error) {
      this.toaster.error(error);
    }
  }

  /** The stored PDF, handed to the browser as a download named after the invoice number. */
  protected async downloadPdf(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice) return;
    this.downloading.set(true);
    try {
      await downloadFile(`/api/v1/invoices/${invoice.id}/pdf`, 'application/pdf', `${invoice.number ?? invoice.id}.pdf`);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.downloading.set(false);
    }
  }

  /** Cancels the remaining balance with a credit note (final), then opens it. */
  protected async creditNote(): Promise<void> {
    const invoice = this.invoice();
    if (!invoice) return;
    const confirmed = await this.confirm.ask({
      title: $localize`:@@inv.creditConfirmTitle:Établir un avoir ?`,
      message: $localize`:@@inv.creditConfirm:Un avoir de ${euros(invoice.balanceCents)}:amount: annulera le reste dû de la facture ${invoice.number}:number:. Il ne pourra pas être modifié.`,
      confirmLabel: $localize`:@@inv.creditNoteCreate:Établir un avoir`,
      destructive: true,
    });
    if (!confirmed) return;
    try {
      const credit = await this.api.unwrap(this.api.client.POST('/api/v1/invoices/{id}/credit-notes', { params: { path: { id: invoice.id } }, body: {} }));
      this.toaster.success($localize`:@@inv.credited:Avoir ${credit.number}:number: établi.`);
      await this.router.navigate(['/memberships/invoices', credit.id]);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
