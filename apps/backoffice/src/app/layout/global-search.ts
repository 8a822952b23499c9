import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/**
 * Placeholder for the global search (persons, organisations, events…): the search API does not
 * exist yet, so the box says so instead of pretending to search.
 */
@Component({
  selector: 'mx-global-search',
  imports: [MatIcon],
  template: `
    <form role="search" class="box" (submit)="$event.preventDefault(); submitted.set(true)">
      <mat-icon svgIcon="search" aria-hidden="true" />
      <label for="global-search" class="visually-hidden" i18n="@@search.label">Rechercher dans Maillage</label>
      <input id="global-search" type="search" i18n-placeholder="@@search.placeholder" placeholder="Rechercher… (bientôt disponible)" autocomplete="off" (input)="submitted.set(false)" />
    </form>
    @if (submitted()) {
      <span class="visually-hidden" role="status" i18n="@@search.soon">La recherche globale sera bientôt disponible.</span>
    }
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GlobalSearch {
  protected readonly submitted = signal(false);
}
