import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger, MatOptgroup, MatOption, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';
import { Api } from '../core/api/api';
import type { ItemOf, QueryOf, ResponseOf } from '../core/api/api-types';
import { Session } from '../core/auth/session';

type CompanyHit = ResponseOf<'/api/v1/search/organizations'>['items'][number];
type PersonHit = ItemOf<'/api/v1/persons'>;

/** What an option leads to: a company's or a contact's page. */
interface SearchTarget {
  link: readonly string[];
}

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 250;

/**
 * The top bar's search box: companies by name (accents and typos tolerated), SIREN prefix or city,
 * and contacts by name or exact e-mail address, as the user types. A combobox (Material autocomplete): arrows move through the results, Enter
 * opens one; Enter without a choice opens the company list filtered by the text.
 */
@Component({
  selector: 'mx-global-search',
  imports: [MatIcon, MatAutocomplete, MatAutocompleteTrigger, MatOption, MatOptgroup],
  template: `
    <form role="search" class="box" (submit)="$event.preventDefault(); searchAll()">
      <mat-icon svgIcon="search" aria-hidden="true" />
      <label for="global-search" class="visually-hidden" i18n="@@search.label">Rechercher dans Maillage</label>
      <input
        id="global-search"
        type="search"
        i18n-placeholder="@@search.placeholderCompanies"
        placeholder="Rechercher une entreprise…"
        autocomplete="off"
        [disabled]="!enabled()"
        [value]="text()"
        [matAutocomplete]="results"
        (input)="onInput($any($event.target).value)"
      />
    </form>
    <mat-autocomplete #results="matAutocomplete" [displayWith]="keepInputEmpty" (optionSelected)="open($event)">
      @if (companies().length > 0) {
        <mat-optgroup i18n-label="@@search.companies" label="Entreprises">
          @for (hit of companies(); track hit.id) {
            <mat-option [value]="targetOf(hit)">
              <span class="name">{{ hit.name }}</span>
              <span class="meta">{{ describe(hit) }}</span>
            </mat-option>
          }
        </mat-optgroup>
      }
      @if (persons().length > 0) {
        <mat-optgroup i18n-label="@@search.persons" label="Contacts">
          @for (person of persons(); track person.id) {
            <mat-option [value]="personTarget(person)">
              <span class="name">{{ personName(person) }}</span>
              <span class="meta">{{ person.emails[0]?.email ?? person.jobTitle ?? '' }}</span>
            </mat-option>
          }
        </mat-optgroup>
      }
      @if (companies().length === 0 && persons().length === 0 && searched() && !loading()) {
        <mat-option disabled i18n="@@search.none">Aucun résultat</mat-option>
      }
    </mat-autocomplete>
    <span class="visually-hidden" role="status">{{ announcement() }}</span>
  `,
  styles: `
    .box {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 0 12px;
      height: 40px;
      border-radius: 20px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    input { border: 0; background: transparent; color: var(--mat-sys-on-surface); font: inherit; flex: 1; min-width: 0; outline: none; }
    input::placeholder { color: var(--mat-sys-on-surface-variant); }
    .box:focus-within { outline: 2px solid var(--mat-sys-primary); }
    .name { margin-right: 8px; }
    .meta { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GlobalSearch {
  private readonly api = inject(Api);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  private readonly permissions = computed(() => this.session.me()?.permissions ?? []);
  protected readonly enabled = computed(() => this.permissions().includes('crm.organizations.read'));
  private readonly canSearchPersons = computed(() => this.permissions().includes('crm.persons.read'));
  protected readonly text = signal('');
  protected readonly companies = signal<CompanyHit[]>([]);
  protected readonly persons = signal<PersonHit[]>([]);
  protected readonly loading = signal(false);
  /** True once results for the current text arrived (so « Aucun résultat » is not shown while typing). */
  protected readonly searched = signal(false);
  protected readonly announcement = computed(() => {
    if (!this.searched() || this.loading()) return '';
    const count = this.companies().length + this.persons().length;
    return count === 0 ? $localize`:@@search.none:Aucun résultat` : $localize`:@@search.count:${count}:count: résultat(s), utilisez les flèches pour les parcourir.`;
  });
  /** The chosen option navigates away; its value must not be written into the box. */
  protected readonly keepInputEmpty = () => '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;

  protected onInput(value: string): void {
    this.text.set(value);
    this.searched.set(false);
    clearTimeout(this.timer);
    if (value.trim().length < MIN_LENGTH) {
      this.sequence += 1;
      this.loading.set(false);
      this.companies.set([]);
      this.persons.set([]);
      return;
    }
    this.timer = setTimeout(() => void this.search(value.trim()), DEBOUNCE_MS);
  }

  protected targetOf(hit: CompanyHit): SearchTarget {
    return { link: ['/crm/companies', hit.id] };
  }

  protected personTarget(person: PersonHit): SearchTarget {
    return { link: ['/crm/persons', person.id] };
  }

  protected personName(person: PersonHit): string {
    return [person.firstName, person.lastName].filter(Boolean).join(' ');
  }

  protected describe(hit: CompanyHit): string {
    const place = hit.communeName ? `${hit.communeName}${hit.departementCode ? ` (${hit.departementCode})` : ''}` : '';
    return [hit.siren, place].filter(Boolean).join(' · ');
  }

  protected open(event: MatAutocompleteSelectedEvent): void {
    const target = event.option.value as SearchTarget;
    this.reset();
    void this.router.navigate(target.link);
  }

  /** Enter without choosing: the full company list, filtered by name. */
  protected searchAll(): void {
    const text = this.text().trim();
    if (text.length < MIN_LENGTH) return;
    this.reset();
    void this.router.navigate(['/crm/companies'], { queryParams: { 'filter[name][contains]': text } });
  }

  private reset(): void {
    clearTimeout(this.timer);
    this.sequence += 1;
    this.loading.set(false);
    this.text.set('');
    this.companies.set([]);
    this.persons.set([]);
    this.searched.set(false);
  }

  private async search(q: string): Promise<void> {
    const sequence = ++this.sequence;
    this.loading.set(true);
    // Each half fails alone: a failed search shows no results there, and the next keystroke retries.
    const [companies, persons] = await Promise.all([
      this.api
        .unwrap(this.api.client.GET('/api/v1/search/organizations', { params: { query: { q, limit: 8 } } }))
        .then((result) => result.items)
        .catch(() => []),
      this.searchPersons(q),
    ]);
    // A newer keystroke (or a reset) superseded this search: its results are stale.
    if (sequence !== this.sequence) return;
    this.companies.set(companies);
    this.persons.set(persons);
    this.loading.set(false);
    this.searched.set(true);
  }

  /** Contacts by name (accents ignored), or by exact address when the text looks like one. */
  private async searchPersons(q: string): Promise<PersonHit[]> {
    if (!this.canSearchPersons()) return [];
    const query = (q.includes('@') ? { 'filter[email]': q.toLowerCase(), limit: 5 } : { 'filter[name][contains]': q, limit: 5 }) as QueryOf<'/api/v1/persons'>;
    try {
      const page = await this.api.unwrap(this.api.client.GET('/api/v1/persons', { params: { query } }));
      return (page as Exclude<typeof page, string>).items;
    } catch {
      return [];
    }
  }
}
