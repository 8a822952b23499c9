import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { frenchDate } from '../../membership/membership-labels';
import { SEAT_ROLE_LABELS, type Mandate, type Seat, type SummaryRow } from '../mandate-labels';
import { ReportTable, type ReportColumn } from './report-table';

const ROWS = 100;
const EXPIRY_DAYS = 90;

/** Vacant seats, mandates expiring within 90 days, and the summary by entity and by body, for the chosen branch. */
@Component({
  selector: 'mx-mandate-reports',
  imports: [ReportTable, LoadingState],
  template: `
    <section class="page">
      <div class="page-header"><h1 i18n="@@md.reports">Rapports</h1></div>
      @if (loading()) {
        <mx-loading-state />
      } @else {
        <mx-report-table
          headingId="report-vacant"
          i18n-heading="@@md.vacantSeats"
          heading="Sièges vacants"
          [columns]="seatColumns"
          [rows]="vacant()"
          [truncated]="vacantMore()"
          i18n-emptyText="@@md.vacantEmpty"
          emptyText="Tous les sièges sont pourvus."
          csvPath="/api/v1/mandate-reports/vacant-seats"
          [csvQuery]="scopeQuery()"
          csvFilename="sieges-vacants.csv"
        />
        <mx-report-table
          headingId="report-expiring"
          i18n-heading="@@md.expiringSoon"
          heading="Mandats qui expirent bientôt (90 jours)"
          [columns]="expiringColumns"
          [rows]="expiring()"
          [truncated]="expiringMore()"
          i18n-emptyText="@@md.expiringEmpty"
          emptyText="Aucun mandat n'expire dans les 90 jours."
          csvPath="/api/v1/mandate-reports/expiring"
          [csvQuery]="scopeQuery()"
          csvFilename="mandats-a-echeance.csv"
        />
        <mx-report-table
          headingId="report-by-entity"
          i18n-heading="@@md.summaryByEntity"
          heading="Synthèse par structure"
          [columns]="entityColumns"
          [rows]="byEntity()"
          i18n-emptyText="@@md.summaryEmpty"
          emptyText="Aucun siège déclaré."
          csvPath="/api/v1/mandate-reports/summary"
          [csvQuery]="byEntityQuery()"
          csvFilename="mandats-par-structure.csv"
        />
        <mx-report-table
          headingId="report-by-body"
          i18n-heading="@@md.summaryByBody"
          heading="Synthèse par instance"
          [columns]="bodyColumns"
          [rows]="byBody()"
          i18n-emptyText="@@md.summaryEmpty"
          emptyText="Aucun siège déclaré."
          csvPath="/api/v1/mandate-reports/summary"
          [csvQuery]="byBodyQuery()"
          csvFilename="mandats-par-instance.csv"
        />
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateReports {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly scope = inject(BranchScope);

  protected readonly loading = signal(true);
  protected readonly vacant = signal<Seat[]>([]);
  protected readonly vacantMore = signal(false);
  protected readonly expiring = signal<Mandate[]>([]);
  protected readonly expiringMore = signal(false);
  protected readonly byEntity = signal<SummaryRow[]>([]);
  protected readonly byBody = signal<SummaryRow[]>([]);
  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['filter[entityId]'] = entityId;
    return query;
  });
  /** The summaries take the chosen branch and its sub-entities, like the dashboard. */
  protected readonly byEntityQuery = computed(() => this.summaryQuery('entity'));
  protected readonly byBodyQuery = computed(() => this.summaryQuery('body'));

  protected readonly seatColumns: ReadonlyArray<ReportColumn<Seat>> = [
    { label: $localize`:@@md.body:Instance`, cell: (s) => s.bodyName },
    { label: $localize`:@@md.seat:Siège`, cell: (s) => s.label },
    { label: $localize`:@@md.role:Rôle`, cell: (s) => SEAT_ROLE_LABELS[s.role] ?? s.role },
    { label: $localize`:@@md.entity:Structure`, cell: (s) => this.entityName(s.entityId) },
  ];
  protected readonly expiringColumns: ReadonlyArray<ReportColumn<Mandate>> = [
    { label: $localize`:@@md.endOn:Fin`, cell: (m) => frenchDate(m.endOn) },
    { label: $localize`:@@md.holder:Mandataire`, cell: (m) => m.personName },
    { label: $localize`:@@md.body:Instance`, cell: (m) => m.bodyName },
    { label: $localize`:@@md.seat:Siège`, cell: (m) => `${m.seatLabel} (${SEAT_ROLE_LABELS[m.seatRole] ?? m.seatRole})` },
  ];
  private readonly countColumns: ReadonlyArray<ReportColumn<SummaryRow>> = [
    { label: $localize`:@@md.seatCount:Sièges`, cell: (r) => String(r.seats) },
    { label: $localize`:@@md.currentCount:Mandats en cours`, cell: (r) => String(r.currentMandates) },
    { label: $localize`:@@md.vacantCount:Sièges vacants`, cell: (r) => String(r.vacantSeats) },
  ];
  protected readonly entityColumns: ReadonlyArray<ReportColumn<SummaryRow>> = [{ label: $localize`:@@md.entity:Structure`, cell: (r) => r.name }, ...this.countColumns];
  protected readonly bodyColumns: ReadonlyArray<ReportColumn<SummaryRow>> = [{ label: $localize`:@@md.body:Instance`, cell: (r) => r.name }, ...this.countColumns];

  constructor() {
    effect(() => {
      const scopeQuery = this.scopeQuery();
      untracked(() => void this.load(scopeQuery));
    });
  }

  private summaryQuery(groupBy: 'entity' | 'body'): { groupBy: 'entity' | 'body' } & Record<string, string> {
    const entityId = this.scope.entityId();
    return entityId ? { groupBy, entityId } : { groupBy };
  }

  private entityName(entityId: string): string {
    return this.scope.entities().find((entity) => entity.id === entityId)?.name ?? '—';
  }

  private async load(scopeQuery: Record<string, string>): Promise<void> {
    this.loading.set(true);
    try {
      const [vacant, expiring, byEntity, byBody] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/mandate-reports/vacant-seats', { params: { query: { ...scopeQuery, limit: ROWS } as QueryOf<'/api/v1/mandate-reports/vacant-seats'> } })),
        this.api.unwrap(this.api.client.GET('/api/v1/mandate-reports/expiring', { params: { query: { ...scopeQuery, limit: ROWS, withinDays: EXPIRY_DAYS } as QueryOf<'/api/v1/mandate-reports/expiring'> } })),
        this.api.unwrap(this.api.client.GET('/api/v1/mandate-reports/summary', { params: { query: this.byEntityQuery() } })),
        this.api.unwrap(this.api.client.GET('/api/v1/mandate-reports/summary', { params: { query: this.byBodyQuery() } })),
      ]);
      const jsonOf = <P>(page: P) => page as Exclude<P, string>;
      this.vacant.set(jsonOf(vacant).items);
      this.vacantMore.set(jsonOf(vacant).nextCursor !== null);
      this.expiring.set(jsonOf(expiring).items);
      this.expiringMore.set(jsonOf(expiring).nextCursor !== null);
      this.byEntity.set(jsonOf(byEntity).items);
      this.byBody.set(jsonOf(byBody).items);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.loading.set(false);
    }
  }
}
