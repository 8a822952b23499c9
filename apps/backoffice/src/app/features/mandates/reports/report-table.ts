import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Api } from '../../../core/api/api';
import { EmptyState } from '../../../shared/states/empty-state';
import { Toaster } from '../../../shared/toast/toaster';

export interface ReportColumn<T> {
  label: string;
  cell: (row: T) => string;
}

/** One report of the « Rapports » tab: a titled table of its first rows, and the whole report as CSV. */
@Component({
  selector: 'mx-report-table',
  imports: [MatButton, MatIcon, EmptyState],
  template: `
    <section class="report" [attr.aria-labelledby]="headingId()">
      <div class="report-header">
        <h2 [id]="headingId()">{{ heading() }}</h2>
        <button mat-stroked-button type="button" (click)="exportCsv()" [disabled]="exporting()">
          <mat-icon svgIcon="download" aria-hidden="true" />
          <ng-container i18n="@@table.exportCsv">Exporter en CSV</ng-container>
        </button>
      </div>
      @if (rows().length === 0) {
        <mx-empty-state [heading]="emptyText()" icon="search" />
      } @else {
        <table class="simple">
          <caption class="visually-hidden">{{ heading() }}</caption>
          <thead>
            <tr>
              @for (column of columns(); track column.label) {
                <th scope="col">{{ column.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track $index) {
              <tr>
                @for (column of columns(); track column.label) {
                  <td>{{ column.cell(row) }}</td>
                }
              </tr>
            }
          </tbody>
        </table>
        @if (truncated()) {
          <p class="muted" i18n="@@md.reportTruncated">Seules les premières lignes sont affichées ; l'export CSV contient tout le rapport.</p>
        }
      }
    </section>
  `,
  styles: `
    .report { margin-bottom: 32px; }
    .report-header { display: flex; align-items: center; gap: 16px; margin-bottom: 8px; }
    .report-header h2 { margin: 0; flex: 1 1 auto; }
    table.simple { border-collapse: collapse; width: 100%; }
    table.simple th, table.simple td { text-align: left; padding: 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportTable<T> {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);

  readonly heading = input.required<string>();
  readonly headingId = input.required<string>();
  readonly columns = input.required<ReadonlyArray<ReportColumn<T>>>();
  readonly rows = input.required<readonly T[]>();
  /** More rows than shown: the CSV has them all. */
  readonly truncated = input(false);
  readonly emptyText = input.required<string>();
  readonly csvPath = input.required<string>();
  readonly csvQuery = input<Record<string, string>>({});
  readonly csvFilename = input.required<string>();
  protected readonly exporting = signal(false);

  protected async exportCsv(): Promise<void> {
    this.exporting.set(true);
    try {
      await this.api.downloadCsv(this.csvPath(), this.csvQuery(), this.csvFilename());
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.exporting.set(false);
    }
  }
}
