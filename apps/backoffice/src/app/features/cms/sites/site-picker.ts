import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CmsSite } from '../cms-types';

/** Chooses one of the sites the user may read (the server lists only those). */
@Component({
  selector: 'mx-site-picker',
  imports: [MatFormField, MatLabel, MatSelect, MatOption],
  template: `
    <mat-form-field class="site-picker">
      <mat-label i18n="@@cms.site">Site</mat-label>
      <mat-select [value]="selected()" (selectionChange)="picked.emit($event.value)">
        @for (site of sites(); track site.id) {
          <mat-option [value]="site.id">{{ site.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `.site-picker { min-width: 280px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SitePicker {
  readonly sites = input.required<readonly CmsSite[]>();
  readonly selected = input<string | null>(null);
  readonly picked = output<string>();
}
