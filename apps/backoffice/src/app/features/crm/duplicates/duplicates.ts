import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import type { ResponseOf } from '../../../core/api/api-types';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';

type CompanyPair = ResponseOf<'/api/v1/duplicates/organizations'>['items'][number];
type PersonPair = ResponseOf<'/api/v1/duplicates/persons'>['items'][number];
type Company = CompanyPair['first'];
type Person = PersonPair['first'];

const REASON_LABELS: Record<string, string> = {
  same_email: $localize`:@@dup.sameEmail:même adresse e-mail`,
  similar_name_same_company: $localize`:@@dup.sameCompany:noms proches dans la même entreprise`,
  similar_name_same_postal_code: $localize`:@@dup.samePostalCode:noms proches, même code postal`,
};

/**
 * Likely duplicates among the companies and contacts the user administers. Merging keeps the
 * record chosen as survivor and moves every facet of the other to it, in one audited transaction.
 */
@Component({
  selector: 'mx-duplicates',
  imports: [DecimalPipe, MatButton, RouterLink, LoadingState],
  templateUrl: './duplicates.html',
  styles: `
    .pairs { list-style: none; padding: 0; margin: 0 0 32px; display: grid; gap: 12px; }
    .pair { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; }
    .records { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
    .record p { margin: 2px 0; }
    .why { color: var(--mat-sys-on-surface-variant); margin: 0 0 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Duplicates {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);

  protected readonly companies = signal<CompanyPair[] | null>(null);
  protected readonly persons = signal<PersonPair[] | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    void this.load();
  }

  protected reasons(reasons: readonly string[]): string {
    return reasons.map((reason) => REASON_LABELS[reason] ?? reason).join(', ');
  }

  protected personName(person: Person): string {
    return [person.firstName, person.lastName].filter(Boolean).join(' ');
  }

  protected async mergeCompanies(survivor: Company, duplicate: Company): Promise<void> {
    const confirmed = await this.ask(survivor.name, duplicate.name);
    if (confirmed) await this.merge(this.api.client.POST('/api/v1/organizations/{id}/merge', { params: { path: { id: survivor.id } }, body: { duplicateIds: [duplicate.id] } }));
  }

  protected async mergePersons(survivor: Person, duplicate: Person): Promise<void> {
    const confirmed = await this.ask(this.personName(survivor), this.personName(duplicate));
    if (confirmed) await this.merge(this.api.client.POST('/api/v1/persons/{id}/merge', { params: { path: { id: survivor.id } }, body: { duplicateIds: [duplicate.id] } }));
  }

  private ask(kept: string, removed: string): Promise<boolean> {
    return this.confirm.ask({
      title: $localize`:@@dup.confirmTitle:Fusionner dans « ${kept}:kept: » ?`,
      message: $localize`:@@dup.confirmMessage:« ${removed}:removed: » sera supprimé après avoir transmis ses rattachements, contacts et échanges à « ${kept}:kept: ». La fusion est enregistrée dans le journal d'audit avec une copie de la fiche supprimée.`,
      confirmLabel: $localize`:@@dup.merge:Fusionner`,
      destructive: true,
    });
  }

  private async merge(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.unwrap(call);
      this.toaster.success($localize`:@@dup.merged:Fiches fusionnées.`);
      await this.load();
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    const [companies, persons] = await Promise.all([
      this.api.unwrap(this.api.client.GET('/api/v1/duplicates/organizations', { params: { query: { limit: 50 } }, cache: 'no-store' })).catch((error: unknown) => {
        this.toaster.error(error);
        return { items: [] };
      }),
      this.api.unwrap(this.api.client.GET('/api/v1/duplicates/persons', { params: { query: { limit: 50 } }, cache: 'no-store' })).catch((error: unknown) => {
        this.toaster.error(error);
        return { items: [] };
      }),
    ]);
    this.companies.set(companies.items);
    this.persons.set(persons.items);
  }
}
