import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../core/api/api';
import type { QueryOf } from '../../core/api/api-types';
import { Session } from '../../core/auth/session';
import { Confirm } from '../../shared/confirm/confirm-dialog';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../shared/data-table/data-table';
import { Toaster } from '../../shared/toast/toaster';
import { optionsOf } from '../crm/shared/crm-labels';
import { REGISTRATION_STATUS_LABELS, attendeeName, eventDateTime, registrationStatusText, type EventDetail, type Registration } from './events-labels';
import { RegistrationDialog } from './registration-dialog';

const PATH = '/api/v1/events/{id}/registrations';

/**
 * The registrations of an event (registered, waiting list, cancelled, attended): register a contact,
 * cancel (the freed seat goes to the head of the waiting list, said here), check in, CSV export.
 */
@Component({
  selector: 'mx-event-registrations',
  imports: [MatButton, MatIcon, DataTable],
  template: `
    <div class="heading">
      <h2 i18n="@@ev.registrations">Inscriptions</h2>
      @if (canRegister()) {
        <button mat-stroked-button type="button" (click)="register()">
          <mat-icon svgIcon="add" aria-hidden="true" />
          <ng-container i18n="@@ev.register">Inscrire un contact</ng-container>
        </button>
      }
    </div>
    <p class="notice" role="status" data-testid="registration-notice">{{ notice() }}</p>
    <mx-data-table
      i18n-caption="@@ev.registrations"
      caption="Inscriptions"
      [columns]="columns"
      [filters]="filters"
      [fetchPage]="fetchPage()"
      [csvPath]="csvPath()"
      [csvFilename]="csvFilename()"
      [refresh]="refresh()"
      defaultSort="registeredAt"
      i18n-emptyText="@@ev.noRegistration"
      emptyText="Aucune inscription ne correspond à ces critères."
    >
      <ng-template #rowActions let-row>
        @if (canCheckIn() && row.status === 'registered') {
          <button mat-button type="button" (click)="checkIn(row)" [disabled]="busy()" [attr.aria-label]="checkInLabel(row)" i18n="@@ev.checkIn">Pointer présent</button>
        }
        @if (canWrite() && (row.status === 'registered' || row.status === 'waiting')) {
          <button mat-button type="button" (click)="cancel(row)" [disabled]="busy()" [attr.aria-label]="cancelLabel(row)" i18n="@@ev.cancelRegistration">Annuler l'inscription</button>
        }
      </ng-template>
    </mx-data-table>
  `,
  styles: `
    .heading { display: flex; align-items: center; gap: 16px; justify-content: space-between; }
    .notice:empty { display: none; }
    .notice { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); border-radius: 8px; padding: 8px 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EventRegistrations {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(Confirm);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);

  readonly event = input.required<EventDetail>();
  /** Seats moved: the page reloads the event's counts. */
  readonly changed = output<void>();

  protected readonly refresh = signal(0);
  protected readonly busy = signal(false);
  /** The outcome of the last action, kept on screen (a promotion from the waiting list in particular). */
  protected readonly notice = signal('');
  private readonly permissions = computed(() => this.session.me()?.permissions ?? []);
  protected readonly canWrite = computed(() => this.permissions().includes('events.write'));
  private readonly canReadContacts = computed(() => this.permissions().includes('crm.persons.read'));
  protected readonly canRegister = computed(() => this.canWrite() && this.event().status === 'published');
  protected readonly canCheckIn = computed(() => this.permissions().includes('events.checkin') && this.event().status === 'published');
  private readonly eventId = computed(() => this.event().id);
  protected readonly csvPath = computed(() => `/api/v1/events/${this.eventId()}/registrations`);
  protected readonly csvFilename = computed(() => `inscriptions-${slug(this.event().title)}.csv`);

  protected readonly columns: ReadonlyArray<TableColumn<Registration>> = [
    // A contact of another branch (registered by the national office) has no card to open here.
    { key: 'name', label: $localize`:@@ev.person:Contact`, cell: (r) => attendeeName(r), link: (r) => (r.person && this.canReadContacts() ? ['/crm/persons', r.personId] : null) },
    { key: 'email', label: $localize`:@@ev.email:Adresse e-mail`, cell: (r) => r.person?.email ?? '—' },
    { key: 'status', label: $localize`:@@ev.status:Statut`, cell: (r) => registrationStatusText(r) },
    { key: 'registeredAt', label: $localize`:@@ev.registeredAt:Inscrit le`, sortable: true, cell: (r) => this.date(r.registeredAt) },
    { key: 'checkedInAt', label: $localize`:@@ev.checkedInAt:Pointé le`, cell: (r) => this.date(r.checkedInAt) },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[status]', label: $localize`:@@ev.regStatus:Statut de l'inscription`, type: 'select', options: optionsOf(REGISTRATION_STATUS_LABELS) },
  ];

  /** A new fetcher per event: the table reloads when the route opens another event. */
  protected readonly fetchPage = computed<PageFetcher<Registration>>(() => {
    const id = this.eventId();
    return async (query) => {
      const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { path: { id }, query: query as unknown as QueryOf<typeof PATH> }, cache: 'no-store' }));
      return page as Exclude<typeof page, string>;
    };
  });

  protected checkInLabel(registration: Registration): string {
    return $localize`:@@ev.checkInOf:Pointer ${attendeeName(registration)}:name: présent`;
  }
  protected cancelLabel(registration: Registration): string {
    return $localize`:@@ev.cancelOf:Annuler l'inscription de ${attendeeName(registration)}:name:`;
  }

  protected async register(): Promise<void> {
    const event = this.event();
    const ref = this.dialog.open(RegistrationDialog, { data: { id: event.id, title: event.title }, width: '560px', maxWidth: '95vw' });
    const registration = await firstValueFrom(ref.afterClosed());
    if (!registration) return;
    const name = attendeeName(registration);
    this.notice.set(
      registration.status === 'waiting'
        ? $localize`:@@ev.registeredWaiting:${name}:name: est sur la liste d'attente (n° ${registration.waitingPosition}:position:) : l'événement est complet.`
        : $localize`:@@ev.registeredSeat:${name}:name: est inscrit(e).`,
    );
    this.afterChange();
  }

  /** Cancels after confirmation; when a seat is freed, says who got it from the waiting list. */
  protected async cancel(registration: Registration): Promise<void> {
    const name = attendeeName(registration);
    const confirmed = await this.confirm.ask({
      title: $localize`:@@ev.cancelRegistrationTitle:Annuler l'inscription ?`,
      message:
        registration.status === 'registered'
          ? $localize`:@@ev.cancelSeatConfirm:${name}:name: perdra sa place ; la première personne de la liste d'attente la recevra.`
          : $localize`:@@ev.cancelWaitingConfirm:${name}:name: quittera la liste d'attente.`,
      confirmLabel: $localize`:@@ev.cancelRegistration:Annuler l'inscription`,
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(async () => {
      const next = registration.status === 'registered' ? await this.headOfWaitingList() : null;
      const path = { id: this.eventId(), registrationId: registration.id };
      await this.api.unwrap(this.api.client.POST('/api/v1/events/{id}/registrations/{registrationId}/cancel', { params: { path } }));
      const promoted = next ? await this.api.unwrap(this.api.client.GET('/api/v1/events/{id}/registrations/{registrationId}', { params: { path: { id: path.id, registrationId: next.id } }, cache: 'no-store' })) : null;
      this.notice.set(
        promoted?.status === 'registered'
          ? $localize`:@@ev.promoted:Inscription de ${name}:name: annulée. ${attendeeName(promoted)}:promoted: quitte la liste d'attente et obtient la place libérée.`
          : $localize`:@@ev.registrationCancelled:Inscription de ${name}:name: annulée.`,
      );
    });
  }

  protected async checkIn(registration: Registration): Promise<void> {
    await this.run(async () => {
      const path = { id: this.eventId(), registrationId: registration.id };
      await this.api.unwrap(this.api.client.POST('/api/v1/events/{id}/registrations/{registrationId}/check-in', { params: { path } }));
      this.notice.set($localize`:@@ev.checkedIn:${attendeeName(registration)}:name: est pointé(e) présent(e).`);
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.afterChange();
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  private afterChange(): void {
    this.refresh.update((value) => value + 1);
    this.changed.emit();
  }

  /** The waiting registration a freed seat goes to (position 1), if any. */
  private async headOfWaitingList(): Promise<Registration | null> {
    const query = { 'filter[status]': 'waiting', limit: 100 } as QueryOf<typeof PATH>;
    const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { path: { id: this.eventId() }, query }, cache: 'no-store' }));
    const waiting = (page as Exclude<typeof page, string>).items;
    return waiting.find((registration) => registration.waitingPosition === 1) ?? null;
  }

  private date(iso: string | null): string {
    return eventDateTime(iso, this.event().timezone);
  }
}

/** « Petit-déjeuner prévoyance » → « petit-dejeuner-prevoyance », for the export's file name. */
function slug(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'evenement'
  );
}
