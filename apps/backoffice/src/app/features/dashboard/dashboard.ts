import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardActions, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { Api } from '../../core/api/api';
import type { ResponseOf } from '../../core/api/api-types';
import { Session } from '../../core/auth/session';
import { BranchScope } from '../../core/scope/branch-scope';
import { EmptyState } from '../../shared/states/empty-state';
import { LoadingState } from '../../shared/states/loading-state';
import { Toaster } from '../../shared/toast/toaster';
import { MEMBERSHIP_STATUS_LABELS, euros } from '../membership/membership-labels';
import { DashboardChart, type ChartSeries } from './dashboard-chart';

export type DashboardFigures = ResponseOf<'/api/v1/dashboard'>;

const STATUSES = ['active', 'grace', 'pending', 'lapsed', 'cancelled'] as const;
// Colours with at least 3:1 contrast on the card background (WCAG 1.4.11).
const STATUS_COLORS = ['#1b6e3a', '#b35c00', '#1f5fa8', '#7a4fa0', '#6b6b6b'];
const PRIMARY = '#1f5fa8';
const SECONDARY = '#1b6e3a';
const ALERT = '#b3261e';
const PERCENT = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'Europe/Paris' });

/** Key figures of the branch chosen in the switcher (or everything the user may see) with their charts. */
@Component({
  selector: 'mx-dashboard',
  imports: [MatCard, MatCardHeader, MatCardTitle, MatCardContent, MatCardActions, MatButton, RouterLink, DashboardChart, EmptyState, LoadingState],
  templateUrl: './dashboard.html',
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; margin-bottom: 16px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 16px; }
    .figure { font: var(--mat-sys-headline-medium); margin: 8px 0 4px; font-variant-numeric: tabular-nums; }
    .detail { margin: 0; color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Dashboard {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);
  protected readonly displayName = computed(() => this.session.user()?.displayName ?? '');
  protected readonly figures = signal<DashboardFigures | null>(null);
  protected readonly loading = signal(false);
  protected readonly canRead = computed(() => this.session.me()?.permissions.includes('dashboard.read') ?? false);

  protected readonly euros = euros;
  protected readonly percent = (value: number): string => PERCENT.format(value / 100);
  protected readonly count = (value: number): string => value.toLocaleString('fr-FR');

  protected readonly rate = (value: number | null): string => (value === null ? '—' : PERCENT.format(value));
  protected readonly currentRenewal = computed(() => this.figures()?.renewals.at(-1) ?? null);
  protected readonly previousRenewal = computed(() => this.figures()?.renewals.at(0) ?? null);

  protected readonly statusLabels = STATUSES.map((status) => MEMBERSHIP_STATUS_LABELS[status] ?? status);
  protected readonly memberSeries = computed<ChartSeries[]>(() => {
    const byStatus = this.figures()?.members.byStatus;
    return byStatus ? [{ label: $localize`:@@dash.members:Adhésions`, values: STATUSES.map((status) => byStatus[status]), colors: STATUS_COLORS }] : [];
  });

  protected readonly duesLabels = [$localize`:@@dash.invoiced:Facturé`, $localize`:@@dash.collected:Encaissé`, $localize`:@@dash.overdue:Échu impayé`];
  protected readonly duesSeries = computed<ChartSeries[]>(() => {
    const dues = this.figures()?.dues;
    return dues ? [{ label: $localize`:@@dash.amount:Montant`, values: [dues.invoicedCents, dues.collectedCents, dues.overdueCents], colors: [PRIMARY, SECONDARY, ALERT] }] : [];
  });

  /** Events with a capacity: the fill rate only means something for them. */
  private readonly cappedEvents = computed(() => (this.figures()?.events.next ?? []).filter((event) => event.capacity !== null));
  protected readonly eventLabels = computed(() => this.cappedEvents().map((event) => `${DAY.format(new Date(event.startsAt))} · ${event.title}`));
  protected readonly eventSeries = computed<ChartSeries[]>(() => [
    { label: $localize`:@@dash.fillRate:Taux de remplissage`, values: this.cappedEvents().map((event) => Math.round((event.fillRate ?? 0) * 100)), colors: PRIMARY },
  ]);

  protected readonly mandateLabels = computed(() => (this.figures()?.mandates.endingByMonth ?? []).map((entry) => MONTH.format(new Date(`${entry.month}-01T00:00:00Z`))));
  protected readonly mandateSeries = computed<ChartSeries[]>(() => [
    { label: $localize`:@@dash.mandatesEnding:Mandats arrivant à échéance`, values: (this.figures()?.mandates.endingByMonth ?? []).map((entry) => entry.count), colors: PRIMARY },
  ]);

  constructor() {
    effect(() => {
      const entityId = this.scope.entityId();
      if (!this.canRead()) return;
      untracked(() => void this.load(entityId));
    });
  }

  private async load(entityId: string | null): Promise<void> {
    this.loading.set(true);
    try {
      const figures = await this.api.unwrap(this.api.client.GET('/api/v1/dashboard', { params: { query: entityId ? { entityId } : {} } }));
      // A slower answer for a previous choice of the switcher must not overwrite this one.
      if (entityId === this.scope.entityId()) this.figures.set(figures);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.loading.set(false);
    }
  }
}
