import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatIcon } from '@angular/material/icon';
import { BranchScope } from '../core/scope/branch-scope';

const ALL = '*';

/**
 * The entity the user works on, always visible in the top bar and searchable (a national user
 * may act on a hundred branches). Selecting sets BranchScope, which features read.
 */
@Component({
  selector: 'mx-branch-switcher',
  imports: [MatAutocomplete, MatAutocompleteTrigger, MatOption, MatIcon],
  template: `
    <div class="switcher">
      <mat-icon svgIcon="place" aria-hidden="true" />
      <label for="branch-switcher" class="visually-hidden" i18n="@@scope.label">Entité de travail</label>
      <input
        id="branch-switcher"
        type="text"
        [value]="text()"
        (input)="query.set($any($event.target).value); editing.set(true)"
        (focus)="$any($event.target).select()"
        [matAutocomplete]="auto"
        autocomplete="off"
        spellcheck="false"
        data-testid="branch-switcher"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="choose($event)" (closed)="editing.set(false)" [displayWith]="displayName" panelWidth="360px" class="branch-panel">
        @if (scope.entities().length > 1 || allowAll()) {
          @if (allowAll() && matchesAll()) {
            <mat-option [value]="all">{{ scope.allLabel() }}</mat-option>
          }
        }
        @for (entity of filtered(); track entity.id) {
          <mat-option [value]="entity.id" [style.padding-left.px]="16 + (needle() ? 0 : entity.depth * 16)">{{ entity.name }}</mat-option>
        }
        @if (filtered().length === 0 && !matchesAll()) {
          <mat-option disabled i18n="@@scope.none">Aucune entité ne correspond</mat-option>
        }
      </mat-autocomplete>
    </div>
  `,
  styles: `
    .switcher {
      display: flex;
      align-items: center;
      gap: 6px;
      height: 40px;
      padding: 0 12px;
      border-radius: 20px;
      border: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      max-width: 300px;
    }
    .switcher:focus-within { outline: 2px solid var(--mat-sys-primary); }
    mat-icon { color: var(--mat-sys-primary); flex: none; }
    input { border: 0; background: transparent; font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface); min-width: 0; width: 220px; outline: none; text-overflow: ellipsis; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BranchSwitcher {
  protected readonly scope = inject(BranchScope);
  protected readonly all = ALL;
  protected readonly query = signal('');
  /**
   * True while the user types a search. Reset when the panel closes, not on blur: a click on an
   * option blurs the input first, and re-filtering then would move the option under the pointer.
   */
  protected readonly editing = signal(false);
  protected readonly text = computed(() => (this.editing() ? this.query() : this.scope.label()));
  protected readonly allowAll = computed(() => this.scope.canSeeWholeNetwork() || this.scope.entities().filter((e) => e.depth === 0).length > 1);
  /** Until the user types, the whole list shows (the input then holds the current choice). */
  protected readonly needle = computed(() => (this.editing() ? normalise(this.query()) : ''));
  protected readonly filtered = computed(() => {
    const needle = this.needle();
    const entities = this.scope.entities();
    return needle ? entities.filter((entity) => normalise(entity.name).includes(needle)) : entities;
  });
  protected readonly matchesAll = computed(() => !this.needle() || normalise(this.scope.allLabel()).includes(this.needle()));

  /** The autocomplete writes the option's value into the input: show the name, not the id. */
  protected readonly displayName = (value: string | null): string =>
    value === ALL || value === null ? this.scope.allLabel() : (this.scope.entities().find((e) => e.id === value)?.name ?? '');

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const value = event.option.value as string;
    this.scope.select(value === ALL ? null : value);
    this.editing.set(false);
  }
}

/** Case- and accent-insensitive: « rhone » finds « Rhône ». */
function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}
