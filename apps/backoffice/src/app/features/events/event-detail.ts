import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { Api, mergePatchHeaders } from '../../core/api/api';
import { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';
import { Session } from '../../core/auth/session';
import { Confirm } from '../../shared/confirm/confirm-dialog';
import { FormAlert } from '../../shared/form/form-alert';
import { LoadingState } from '../../shared/states/loading-state';
import { Toaster } from '../../shared/toast/toaster';
import { euros } from '../membership/membership-labels';
import { EventFormDialog, type EventFormData } from './event-form-dialog';
import { EventRegistrations } from './event-registrations';
import { EVENT_STATUS_LABELS, VISIBILITY_LABELS, eventDateTime, seatsText, type EventDetail } from './events-labels';
import { IcalFeed } from './ical-feed';

/** One event: its facts, publish / cancel / edit, its registrations and its entity's iCalendar feed. */
@Component({
  selector: 'mx-event-detail',
  imports: [MatButton, FormAlert, LoadingState, EventRegistrations, IcalFeed],
  template: `
    @if (event(); as event) {
      <section class="page">
        <div class="page-header">
          <h1>{{ event.title }}</h1>
          @if (canWrite()) {
            <div class="actions">
              @if (event.status !== 'cancelled') {
                <button mat-stroked-button type="button" (click)="edit()" i18n="@@ev.edit">Modifier l'événement</button>
              }
              @if (event.status === 'draft') {
                <button mat-flat-button type="button" (click)="publish()" [disabled]="busy()" i18n="@@ev.publish">Publier</button>
              }
              @if (event.status !== 'cancelled') {
                <button mat-button type="button" (click)="cancelEvent()" [disabled]="busy()" i18n="@@ev.cancelEvent">Annuler l'événement</button>
              }
            </div>
          }
        </div>
        <mx-form-alert [messages]="alerts()" />
        <dl class="facts">
          <div><dt i18n="@@ev.status">Statut</dt><dd data-testid="event-status">{{ statusLabel() }}</dd></div>
          <div><dt i18n="@@ev.startsAt">Début</dt><dd>{{ date(event.startsAt) }}</dd></div>
          <div><dt i18n="@@ev.endsAt">Fin</dt><dd>{{ date(event.endsAt) }}</dd></div>
          <div><dt i18n="@@ev.where">Lieu</dt><dd>{{ place() }}</dd></div>
          @if (event.onlineUrl) {
            <div><dt i18n="@@ev.onlineUrl">Lien de connexion</dt><dd><a [href]="event.onlineUrl" target="_blank" rel="noopener">{{ event.onlineUrl }}</a></dd></div>
          }
          <div><dt i18n="@@ev.seats">Places prises</dt><dd data-testid="event-seats">{{ seats() }}</dd></div>
          <div><dt i18n="@@ev.attended">Présents</dt><dd>{{ event.attendedCount }}</dd></div>
          <div><dt i18n="@@ev.price">Tarif (€)</dt><dd>{{ price() }}</dd></div>
          <div><dt i18n="@@ev.visibility">Visibilité</dt><dd>{{ visibilityLabel() }}</dd></div>
        </dl>
        @if (event.descriptionText) {
          <p class="description">{{ event.descriptionText }}</p>
        }
        <mx-ical-feed [entityId]="event.entityId" />
        <mx-event-registrations [event]="event" (changed)="load(event.id)" />
      </section>
    } @else {
      <mx-loading-state />
    }
  `,
  styles: `
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px 24px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    .description { white-space: pre-line; max-width: 80ch; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventDetailPage {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);

  /** Route param. */
  readonly id = input.required<string>();
  protected readonly event = signal<EventDetail | null>(null);
  private readonly etag = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** Why publishing or cancelling was refused (e.g. no place nor link yet). */
  protected readonly alerts = signal<string[]>([]);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('events.write') ?? false);
  protected readonly statusLabel = computed(() => EVENT_STATUS_LABELS[this.event()?.status ?? ''] ?? '');
  protected readonly visibilityLabel = computed(() => VISIBILITY_LABELS[this.event()?.visibility ?? ''] ?? '');
  protected readonly seats = computed(() => {
    const event = this.event();
    return event ? seatsText(event) : '';
  });
  protected readonly price = computed(() => {
    const cents = this.event()?.priceCents ?? 0;
    return cents > 0 ? euros(cents) : $localize`:@@ev.free:Gratuit`;
  });
  protected readonly place = computed(() => {
    const place = this.event()?.place;
    if (!place) return '—';
    const town = [place.postalCode, place.commune].filter(Boolean).join(' ');
    return [place.name, place.address, town].filter(Boolean).join(', ');
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected date(iso: string): string {
    return eventDateTime(iso, this.event()?.timezone ?? 'Europe/Paris');
  }

  protected async load(id: string): Promise<void> {
    try {
      const { data, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/events/{id}', { params: { path: { id } }, cache: 'no-store' }));
      this.event.set(data);
      this.etag.set(etag);
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected async edit(): Promise<void> {
    const event = this.event();
    if (!event) return;
    const data: EventFormData = { event, etag: this.etag() };
    const ref = this.dialog.open(EventFormDialog, { data, width: '760px', maxWidth: '95vw' });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.toaster.success($localize`:@@ev.saved:Événement enregistré.`);
    await this.load(event.id);
  }

  protected async publish(): Promise<void> {
    if (await this.setStatus('published')) this.toaster.success($localize`:@@ev.published:Événement publié : les inscriptions sont ouvertes.`);
  }

  protected async cancelEvent(): Promise<void> {
    const event = this.event();
    if (!event) return;
    const confirmed = await this.confirm.ask({
      title: $localize`:@@ev.cancelConfirmTitle:Annuler l'événement ?`,
      message: $localize`:@@ev.cancelConfirm:Les ${event.registeredCount + event.waitingCount}:count: contacts inscrits ou en attente seront prévenus par e-mail. L'événement ne pourra pas être rétabli.`,
      confirmLabel: $localize`:@@ev.cancelEvent:Annuler l'événement`,
      destructive: true,
    });
    if (confirmed && (await this.setStatus('cancelled'))) this.toaster.success($localize`:@@ev.cancelled:Événement annulé.`);
  }

  private async setStatus(status: 'published' | 'cancelled'): Promise<boolean> {
    const event = this.event();
    if (!event) return false;
    this.busy.set(true);
    this.alerts.set([]);
    try {
      const etag = this.etag();
      await this.api.unwrap(
        this.api.client.PATCH('/api/v1/events/{id}', {
          params: { path: { id: event.id }, header: { 'if-match': etag ?? '*' } },
          body: { status },
          headers: mergePatchHeaders(etag),
        }),
      );
      await this.load(event.id);
      return true;
    } catch (error) {
      if (error instanceof ApiProblem && error.status !== 0) this.alerts.set([problemMessage(error), ...error.errors.map((problem) => problem.message)]);
      else this.toaster.error(error);
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
