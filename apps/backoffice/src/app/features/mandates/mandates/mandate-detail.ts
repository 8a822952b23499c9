import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { frenchDate, todayIso } from '../../membership/membership-labels';
import { MANDATE_STATUS_LABELS, SEAT_ROLE_LABELS, type Mandate } from '../mandate-labels';
import { openMandateEndDialog } from './mandate-end-dialog';

/** One mandate (the target of a follow-up task's link): holder, body, seat, period; end it. */
@Component({
  selector: 'mx-mandate-detail',
  imports: [RouterLink, MatButton, LoadingState],
  template: `
    <section class="page">
      @if (mandate(); as m) {
        <div class="page-header">
          <h1 i18n="@@md.detailTitle">Mandat de {{ m.personName }}</h1>
          @if (canEnd()) {
            <button mat-flat-button type="button" (click)="end(m)" i18n="@@md.endTitle">Terminer le mandat</button>
          }
        </div>
        <dl class="facts">
          <dt i18n="@@md.holder">Mandataire</dt>
          <dd><a [routerLink]="['/crm/persons', m.personId]">{{ m.personName }}</a></dd>
          <dt i18n="@@md.body">Instance</dt>
          <dd><a [routerLink]="['/mandates/bodies', m.bodyId]">{{ m.bodyName }}</a></dd>
          <dt i18n="@@md.seat">Siège</dt>
          <dd>{{ m.seatLabel }} ({{ roleLabels[m.seatRole] }})</dd>
          <dt i18n="@@md.period">Période</dt>
          <dd data-testid="mandate-period">{{ date(m.startOn) }} → {{ date(m.endOn) }}</dd>
          <dt i18n="@@md.status">Statut</dt>
          <dd>{{ statusLabels[m.status] }}</dd>
        </dl>
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 24px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandateDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);

  /** Route param. */
  readonly id = input.required<string>();
  protected readonly mandate = signal<Mandate | null>(null);
  protected readonly roleLabels = SEAT_ROLE_LABELS;
  protected readonly statusLabels = MANDATE_STATUS_LABELS;
  protected readonly date = frenchDate;
  protected readonly canEnd = computed(() => {
    const mandate = this.mandate();
    const canWrite = this.session.me()?.permissions.includes('mandates.write') ?? false;
    return canWrite && mandate !== null && mandate.status === 'active' && mandate.endOn >= todayIso();
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected end(mandate: Mandate): void {
    openMandateEndDialog(this.dialog, mandate).subscribe((ended) => {
      if (ended) this.mandate.set(ended);
    });
  }

  private async load(id: string): Promise<void> {
    try {
      this.mandate.set(await this.api.unwrap(this.api.client.GET('/api/v1/mandates/{id}', { params: { path: { id } } })));
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
