import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute } from '@angular/router';
import { ApiProblem, networkProblem, toApiProblem } from '../../../core/api/api-problem';
import { Session } from '../../../core/auth/session';
import { Toaster } from '../../../shared/toast/toaster';

type Format = 'csv' | 'xlsx';

/**
 * Exports the list on screen (its URL filters and sort) through `/api/v1/exports/<kind>.<format>`:
 * streamed, scoped and audited by the server. Contacts can be exported for marketing, which leaves
 * out everyone without a current newsletter consent.
 */
@Component({
  selector: 'mx-export-buttons',
  imports: [FormsModule, MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption],
  template: `
    @if (allowed()) {
      <div class="exports" role="group" i18n-aria-label="@@crm.export" aria-label="Exporter la liste">
        @if (kind() === 'persons') {
          <mat-form-field subscriptSizing="dynamic" appearance="outline">
            <mat-label i18n="@@crm.exportPurpose">Usage de l'export</mat-label>
            <mat-select [(ngModel)]="purpose">
              <mat-option value="internal" i18n="@@crm.purposeInternal">Usage interne</mat-option>
              <mat-option value="marketing" i18n="@@crm.purposeMarketing">Prospection (consentement requis)</mat-option>
            </mat-select>
          </mat-form-field>
        }
        <button mat-stroked-button type="button" (click)="download('csv')" [disabled]="busy()">
          <mat-icon svgIcon="download" aria-hidden="true" />
          <ng-container i18n="@@crm.exportCsv">CSV</ng-container>
        </button>
        <button mat-stroked-button type="button" (click)="download('xlsx')" [disabled]="busy()">
          <mat-icon svgIcon="download" aria-hidden="true" />
          <ng-container i18n="@@crm.exportXlsx">Excel</ng-container>
        </button>
      </div>
    }
  `,
  styles: `
    .exports { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; justify-content: flex-end; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportButtons {
  private readonly session = inject(Session);
  private readonly toaster = inject(Toaster);
  private readonly params = toSignal(inject(ActivatedRoute).queryParams, { initialValue: {} as Record<string, string> });

  readonly kind = input.required<'organizations' | 'persons'>();
  readonly filename = input.required<string>();
  protected readonly allowed = computed(() => this.session.me()?.permissions.includes('crm.exports.run') ?? false);
  protected readonly purpose = signal<'internal' | 'marketing'>('internal');
  protected readonly busy = signal(false);

  protected async download(format: Format): Promise<void> {
    const url = new URL(`/api/v1/exports/${this.kind()}.${format}`, globalThis.location.origin);
    for (const [key, value] of Object.entries(this.params())) {
      if (value && (key === 'sort' || key.startsWith('filter['))) url.searchParams.set(key, value);
    }
    if (this.kind() === 'persons') url.searchParams.set('purpose', this.purpose());
    this.busy.set(true);
    try {
      const response = await fetch(url, { credentials: 'same-origin' }).catch((cause: unknown) => {
        throw networkProblem(cause);
      });
      if (!response.ok) throw toApiProblem(await response.json().catch(() => undefined), response);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `${this.filename()}.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      this.toaster.error(error instanceof ApiProblem ? error : networkProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
