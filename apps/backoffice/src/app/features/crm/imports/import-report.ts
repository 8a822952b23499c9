import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { DryRun } from './import-types';

/** The dry run's verdict: counts, detected format and columns, then the rows to look at. */
@Component({
  selector: 'mx-import-report',
  imports: [MatTableModule],
  template: `
    <h2 i18n="@@import.reportTitle">Résultat de l'analyse</h2>
    <dl class="facts">
      <dt i18n="@@import.rowsTotal">Lignes lues</dt>
      <dd>{{ dryRun().job.rows.total }}</dd>
      <dt i18n="@@import.rowsValid">Lignes valides</dt>
      <dd>{{ dryRun().job.rows.valid }}</dd>
      <dt i18n="@@import.rowsRejected">Lignes rejetées</dt>
      <dd>{{ dryRun().job.rows.rejected }}</dd>
      @if (dryRun().encoding) {
        <dt i18n="@@import.format">Format détecté</dt>
        <dd>{{ dryRun().encoding }} · <ng-container i18n="@@import.separator">séparateur</ng-container> « {{ dryRun().separator }} »</dd>
      }
      <dt i18n="@@import.columns">Colonnes reconnues</dt>
      <dd>{{ columnsText() }}</dd>
      @if (dryRun().ignoredHeaders.length > 0) {
        <dt i18n="@@import.ignored">Colonnes ignorées</dt>
        <dd>{{ dryRun().ignoredHeaders.join(', ') }}</dd>
      }
    </dl>
    @if (dryRun().report.length > 0) {
      <table mat-table [dataSource]="dryRun().report" i18n-aria-label="@@import.reportTable" aria-label="Lignes rejetées ou à vérifier">
        <ng-container matColumnDef="row">
          <th mat-header-cell *matHeaderCellDef i18n="@@import.row">Ligne</th>
          <td mat-cell *matCellDef="let line">{{ line.row }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef i18n="@@import.status">Verdict</th>
          <td mat-cell *matCellDef="let line">
            @if (line.status === 'rejected') {
              <span class="rejected" i18n="@@import.rejected">Rejetée</span>
            } @else {
              <span i18n="@@import.accepted">Acceptée, à vérifier</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="problems">
          <th mat-header-cell *matHeaderCellDef i18n="@@import.problems">Détail</th>
          <td mat-cell *matCellDef="let line">
            <ul>
              @for (problem of line.problems; track $index) {
                <li><strong>{{ problem.column }}</strong> : {{ problem.message }}</li>
              }
              @for (warning of line.warnings; track $index) {
                <li>{{ warning }}</li>
              }
            </ul>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let line; columns: columns"></tr>
      </table>
      @if (dryRun().reportTruncated) {
        <p class="muted" i18n="@@import.truncated">Seules les 1 000 premières lignes sont affichées : le rapport téléchargeable les contient toutes.</p>
      }
    } @else {
      <p i18n="@@import.allGood">Aucune ligne rejetée ni à vérifier.</p>
    }
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 16px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    ul { margin: 4px 0; padding-left: 18px; }
    .rejected { color: var(--mat-sys-error); font-weight: 500; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportReport {
  readonly dryRun = input.required<DryRun>();
  protected readonly columns = ['row', 'status', 'problems'];

  protected columnsText(): string {
    const columns = Object.values(this.dryRun().job.columns);
    return columns.length > 0 ? columns.join(', ') : '—';
  }
}
