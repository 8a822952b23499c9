import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import type { AuditEvent } from './audit-events';

/** One audit event: its context, and each changed field before and after (masked values stay masked). */
@Component({
  selector: 'mx-audit-diff-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, DatePipe, JsonPipe],
  template: `
    <h2 mat-dialog-title>{{ event.action }}</h2>
    <mat-dialog-content>
      <dl class="facts">
        <dt i18n="@@audit.when">Date</dt>
        <dd>{{ event.occurredAt | date: 'dd/MM/yyyy HH:mm:ss' }}</dd>
        <dt i18n="@@audit.resource">Élément</dt>
        <dd>{{ event.resourceType }} {{ event.resourceId }}</dd>
        <dt i18n="@@audit.actor">Auteur</dt>
        <dd>
          @if (event.actorUserId) {
            {{ event.actorName ?? '—' }} <code class="muted">{{ event.actorUserId }}</code>
          } @else {
            <ng-container i18n="@@audit.system">Système</ng-container>
          }
        </dd>
        <dt i18n="@@audit.request">Requête</dt>
        <dd>{{ event.requestId ?? '—' }}</dd>
        <dt i18n="@@audit.chain">Scellé</dt>
        <dd>
          @if (event.chainPosition !== null) {
            <ng-container i18n="@@audit.sealed">oui, position {{ event.chainPosition }} de la chaîne</ng-container>
          } @else {
            <ng-container i18n="@@audit.notSealed">pas encore (dans la minute)</ng-container>
          }
        </dd>
      </dl>
      @if (changes().length === 0) {
        <p class="muted" i18n="@@audit.noChanges">Cet événement ne modifie aucun champ.</p>
      } @else {
        <table class="diff">
          <caption class="visually-hidden" i18n="@@audit.diffCaption">Valeurs avant et après</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@audit.field">Champ</th>
              <th scope="col" i18n="@@audit.before">Avant</th>
              <th scope="col" i18n="@@audit.after">Après</th>
            </tr>
          </thead>
          <tbody>
            @for (change of changes(); track change.field) {
              <tr>
                <th scope="row">{{ change.field }}</th>
                <td class="before"><del>{{ change.before | json }}</del></td>
                <td class="after"><ins>{{ change.after | json }}</ins></td>
              </tr>
            }
          </tbody>
        </table>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close i18n="@@dialog.close">Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; word-break: break-all; }
    .diff { width: 100%; border-collapse: collapse; }
    .diff th, .diff td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; word-break: break-word; }
    del, ins { text-decoration: none; font-family: ui-monospace, monospace; white-space: pre-wrap; }
    .before { background: color-mix(in srgb, var(--mat-sys-error-container) 60%, transparent); }
    .after { background: color-mix(in srgb, var(--mat-sys-tertiary-container) 60%, transparent); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditDiffDialog {
  protected readonly event = inject<AuditEvent>(MAT_DIALOG_DATA);
  protected readonly changes = computed(() =>
    Object.entries(this.event.changes ?? {}).map(([field, change]) => ({ field, before: change.before, after: change.after })),
  );
}
