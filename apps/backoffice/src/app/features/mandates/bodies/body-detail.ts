import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { BODY_KIND_LABELS, SEAT_ROLE_LABELS, type MandateBody, type Seat } from '../mandate-labels';
import { BodyFormDialog } from './body-form-dialog';
import { SeatFormDialog, type SeatFormData } from './seat-form-dialog';

/** A body and the seats the chosen branch designates to in it (titular and substitute); both can be corrected. */
@Component({
  selector: 'mx-body-detail',
  imports: [RouterLink, MatButton, LoadingState, EmptyState],
  template: `
    <section class="page">
      @if (body(); as b) {
        <div class="page-header">
          <h1>{{ b.name }}</h1>
          <a mat-stroked-button [routerLink]="['/mandates/list']" [queryParams]="{ 'filter[bodyId]': b.id }" i18n="@@md.bodyMandates">Mandats dans cette instance</a>
          @if (canWrite()) {
            <button mat-stroked-button type="button" (click)="editBody(b)" i18n="@@md.bodyEdit">Modifier l'instance</button>
          }
        </div>
        <dl class="facts">
          <dt i18n="@@md.kind">Type d'instance</dt>
          <dd>{{ kindLabels[b.kind] }}</dd>
          <dt i18n="@@md.departement">Département</dt>
          <dd>{{ b.departementCode ?? '—' }}</dd>
          <dt i18n="@@md.commune">Commune</dt>
          <dd>{{ b.commune ?? '—' }}</dd>
        </dl>
        <div class="section-header">
          <h2 i18n="@@md.seats">Sièges</h2>
          @if (canWrite()) {
            <button mat-flat-button type="button" (click)="openSeat({ body: b })" i18n="@@md.seatCreate">Nouveau siège</button>
          }
        </div>
        @if (seats().length === 0) {
          <mx-empty-state i18n-heading="@@md.seatsEmpty" heading="Aucun siège de vos structures dans cette instance." />
        } @else {
          <table class="simple">
            <caption class="visually-hidden" i18n="@@md.seats">Sièges</caption>
            <thead>
              <tr>
                <th scope="col" i18n="@@md.seatLabel">Libellé</th>
                <th scope="col" i18n="@@md.role">Rôle</th>
                <th scope="col" i18n="@@md.entity">Structure</th>
                @if (canWrite()) {
                  <th scope="col"><span class="visually-hidden" i18n="@@table.actions">Actions</span></th>
                }
              </tr>
            </thead>
            <tbody>
              @for (seat of seats(); track seat.id) {
                <tr>
                  <td>{{ seat.label }}</td>
                  <td>{{ roleLabels[seat.role] }}</td>
                  <td>{{ entityName(seat.entityId) }}</td>
                  @if (canWrite()) {
                    <td>
                      <button mat-button type="button" (click)="openSeat({ body: b, seat })">
                        <ng-container i18n="@@md.edit">Modifier</ng-container>
                        <span class="visually-hidden"> {{ seat.label }} ({{ roleLabels[seat.role] }})</span>
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        }
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 24px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .section-header { display: flex; align-items: center; gap: 16px; margin-bottom: 8px; }
    .section-header h2 { margin: 0; flex: 1 1 auto; }
    table.simple { border-collapse: collapse; width: 100%; }
    table.simple th, table.simple td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BodyDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);

  /** Route param. */
  readonly id = input.required<string>();
  protected readonly body = signal<MandateBody | null>(null);
  protected readonly seats = signal<Seat[]>([]);
  protected readonly kindLabels = BODY_KIND_LABELS;
  protected readonly roleLabels = SEAT_ROLE_LABELS;
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('mandates.write') ?? false);

  constructor() {
    effect(() => void this.load(this.id(), this.scope.entityId()));
  }

  protected entityName(entityId: string): string {
    return this.scope.entities().find((entity) => entity.id === entityId)?.name ?? '—';
  }

  protected editBody(body: MandateBody): void {
    this.dialog
      .open(BodyFormDialog, { data: body, width: '520px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.toaster.success($localize`:@@md.bodySaved:Instance enregistrée.`);
        this.body.set(saved);
      });
  }

  protected openSeat(data: SeatFormData): void {
    this.dialog
      .open(SeatFormDialog, { data, width: '520px' })
      .afterClosed()
      .subscribe((seat) => {
        if (!seat) return;
        this.toaster.success($localize`:@@md.seatSaved:Siège enregistré.`);
        void this.load(data.body.id, this.scope.entityId());
      });
  }

  private async load(id: string, entityId: string | null): Promise<void> {
    try {
      const query = { 'filter[bodyId]': id, limit: 200, ...(entityId ? { 'filter[entityId]': entityId } : {}) } as QueryOf<'/api/v1/mandate-seats'>;
      const [body, seats] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/mandate-bodies/{id}', { params: { path: { id } } })),
        this.api.unwrap(this.api.client.GET('/api/v1/mandate-seats', { params: { query } })),
      ]);
      this.body.set(body);
      this.seats.set((seats as Exclude<typeof seats, string>).items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
