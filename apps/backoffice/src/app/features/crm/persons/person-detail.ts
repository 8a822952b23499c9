import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { AFFILIATION_ROLE_LABELS, LEGAL_BASIS_LABELS } from '../shared/crm-labels';
import { Timeline } from '../interactions/timeline';
import { PersonConsents } from './person-consents';
import { PersonEditDialog, type PersonEditData } from './person-edit-dialog';
import { displayName, type Affiliation, type Person } from './person-types';

/** One contact: identity and contact details, companies, consents, and the GDPR requests. */
@Component({
  selector: 'mx-person-detail',
  imports: [DatePipe, RouterLink, MatButton, LoadingState, PersonConsents, Timeline],
  templateUrl: './person-detail.html',
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 24px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .block { margin: 0 0 32px; }
    .companies { padding-left: 18px; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);

  /** Route param. */
  readonly id = input.required<string>();
  protected readonly person = signal<Person | null>(null);
  private readonly etag = signal<string | null>(null);
  protected readonly affiliations = signal<Affiliation[]>([]);
  protected readonly busy = signal(false);
  protected readonly name = computed(() => {
    const person = this.person();
    return person ? displayName(person) : '';
  });
  private readonly permissions = computed(() => this.session.me()?.permissions ?? []);
  protected readonly canWrite = computed(() => this.permissions().includes('crm.persons.write'));
  protected readonly canGdpr = computed(() => this.permissions().includes('crm.persons.gdpr'));
  protected readonly canReadTimeline = computed(() => this.permissions().includes('crm.interactions.read'));
  protected readonly timelineSubject = computed(() => ({ kind: 'person' as const, id: this.id() }));
  protected readonly roleLabels = AFFILIATION_ROLE_LABELS;
  protected readonly basisLabels = LEGAL_BASIS_LABELS;

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected async edit(): Promise<void> {
    const person = this.person();
    if (!person) return;
    const data: PersonEditData = { person, etag: this.etag() };
    const updated = await firstValueFrom(this.dialog.open(PersonEditDialog, { data, width: '640px', maxWidth: '95vw' }).afterClosed());
    if (!updated) return;
    this.toaster.success($localize`:@@form.saved:Modifications enregistrées.`);
    await this.load(person.id);
  }

  /** Right of access: everything held on the person, as a JSON file. */
  protected async exportFile(): Promise<void> {
    const person = this.person();
    if (!person) return;
    this.busy.set(true);
    try {
      const file = await this.api.unwrap(this.api.client.GET('/api/v1/persons/{id}/export', { params: { path: { id: person.id } }, cache: 'no-store' }));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      link.download = `contact-${person.id}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Right to erasure: anonymises the person; aggregates (counts, history dates) stay. */
  protected async erase(): Promise<void> {
    const person = this.person();
    if (!person) return;
    const confirmed = await this.confirm.ask({
      title: $localize`:@@crm.eraseTitle:Effacer ${this.name()}:name: ?`,
      message: $localize`:@@crm.eraseMessage:Son identité, ses coordonnées et ses notes seront anonymisées définitivement. Les statistiques sont conservées. Cette action est irréversible.`,
      confirmLabel: $localize`:@@crm.erase:Effacer la personne`,
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set(true);
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/persons/{id}/erasure', { params: { path: { id: person.id } } }));
      this.toaster.success($localize`:@@crm.erased:La personne a été anonymisée.`);
      await this.load(person.id);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(id: string): Promise<void> {
    try {
      const [{ data: person, etag }, affiliations] = await Promise.all([
        this.api.unwrapWithEtag(this.api.client.GET('/api/v1/persons/{id}', { params: { path: { id } }, cache: 'no-store' })),
        this.api.unwrap(this.api.client.GET('/api/v1/persons/{id}/affiliations', { params: { path: { id } }, cache: 'no-store' })),
      ]);
      this.person.set(person);
      this.etag.set(etag);
      this.affiliations.set(affiliations.items);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
