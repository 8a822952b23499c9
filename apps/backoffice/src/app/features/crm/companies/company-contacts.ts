import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../../core/api/api';
import type { ResponseOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { Toaster } from '../../../shared/toast/toaster';
import { PersonCreateDialog, type PersonCreateData } from '../persons/person-create-dialog';
import { AFFILIATION_ROLE_LABELS, CIVILITY_LABELS } from '../shared/crm-labels';
import type { Company } from './company-types';

type Contact = ResponseOf<'/api/v1/organizations/{id}/contacts'>['items'][number];

/** The company's contacts known to the caller's entities, and the way to add one. */
@Component({
  selector: 'mx-company-contacts',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <div class="heading">
      <h2 i18n="@@crm.contacts">Contacts</h2>
      @if (canWrite()) {
        <button mat-stroked-button type="button" (click)="add()">
          <mat-icon svgIcon="add" aria-hidden="true" />
          <ng-container i18n="@@crm.contactAdd">Ajouter un contact</ng-container>
        </button>
      }
    </div>
    @if (loaded()) {
      @if (contacts().length > 0) {
        <ul class="contacts">
          @for (contact of contacts(); track contact.affiliationId) {
            <li>
              <a [routerLink]="['/crm/persons', contact.person.id]">{{ nameOf(contact) }}</a>
              <span class="muted">{{ describe(contact) }}</span>
              @if (contact.person.email) {
                <a [href]="'mailto:' + contact.person.email">{{ contact.person.email }}</a>
              }
              @if (contact.person.phone) {
                <a [href]="'tel:' + contact.person.phone">{{ contact.person.phone }}</a>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="muted" i18n="@@crm.noContact">Aucun contact connu de vos entités pour cette entreprise.</p>
      }
    }
  `,
  styles: `
    .heading { display: flex; align-items: center; gap: 16px; justify-content: space-between; }
    .contacts { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
    .contacts li { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyContacts {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);

  readonly company = input.required<Company>();
  protected readonly contacts = signal<Contact[]>([]);
  protected readonly loaded = signal(false);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('crm.persons.write') ?? false);

  constructor() {
    effect(() => void this.load(this.company().id));
  }

  protected nameOf(contact: Contact): string {
    const { civility, firstName, lastName } = contact.person;
    return [civility ? CIVILITY_LABELS[civility] : null, firstName, lastName].filter(Boolean).join(' ');
  }

  protected describe(contact: Contact): string {
    const role = AFFILIATION_ROLE_LABELS[contact.role] ?? contact.role;
    const parts = [role, contact.person.jobTitle, contact.isPrimary ? $localize`:@@crm.primary:entreprise principale` : null];
    if (contact.endsOn) parts.push($localize`:@@crm.endedOn:jusqu'au ${new Date(contact.endsOn).toLocaleDateString('fr-FR')}:date:`);
    return parts.filter(Boolean).join(' · ');
  }

  protected async add(): Promise<void> {
    const company = this.company();
    const data: PersonCreateData = { organizationId: company.id, organizationName: company.name, linkedEntityIds: company.links.map((link) => link.entityId) };
    const ref = this.dialog.open(PersonCreateDialog, { data, width: '640px', maxWidth: '95vw' });
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.toaster.success($localize`:@@crm.contactAdded:Contact ajouté.`);
    await this.load(company.id);
  }

  private async load(id: string): Promise<void> {
    try {
      const result = await this.api.unwrap(this.api.client.GET('/api/v1/organizations/{id}/contacts', { params: { path: { id } }, cache: 'no-store' }));
      this.contacts.set(result.items);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.loaded.set(true);
    }
  }
}
