import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { FIELD_LABELS, formatDateTime } from '../cms-labels';
import type { CmsRevisionDiff, CmsRevisionSummary } from '../cms-types';

/**
 * Every save of an item, newest first; compare any two (changed fields + word diff of the text)
 * and restore an old one as a new draft revision.
 */
@Component({
  selector: 'mx-cms-revision-history',
  imports: [MatButton, MatAnchor, RouterLink, LoadingState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@cms.history">Historique des versions</h1>
        <a mat-button [routerLink]="['/cms/contents', id()]" i18n="@@cms.backToEditor">Retour à l'éditeur</a>
      </div>
      @if (revisions(); as revisions) {
        <table class="revisions">
          <caption i18n="@@cms.revisionsCaption">Révisions, de la plus récente à la plus ancienne. Choisissez deux révisions à comparer.</caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@cms.revFrom">Ancienne</th>
              <th scope="col" i18n="@@cms.revTo">Récente</th>
              <th scope="col" i18n="@@cms.revNumber">Révision</th>
              <th scope="col" i18n="@@cms.field.title">Titre</th>
              <th scope="col" i18n="@@cms.revDate">Date</th>
              <th scope="col" i18n="@@cms.revState">État</th>
              <th scope="col"><span class="visually-hidden" i18n="@@table.actions">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            @for (revision of revisions; track revision.id) {
              <tr>
                <td><input type="radio" name="from" [checked]="from() === revision.id" (change)="from.set(revision.id)" [attr.aria-label]="fromLabel(revision)" /></td>
                <td><input type="radio" name="to" [checked]="to() === revision.id" (change)="to.set(revision.id)" [attr.aria-label]="toLabel(revision)" /></td>
                <td>{{ revision.number }}</td>
                <td>{{ revision.title }}</td>
                <td>{{ formatDateTime(revision.createdAt) }}</td>
                <td>
                  @if (revision.current) {
                    <span i18n="@@cms.revCurrent">Version de travail</span>
                  }
                  @if (revision.published) {
                    <span i18n="@@cms.revPublished">Publiée</span>
                  }
                </td>
                <td>
                  @if (canEdit() && !revision.current) {
                    <button mat-stroked-button type="button" (click)="restore(revision)" i18n="@@cms.restore">Restaurer cette version</button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
        <div class="compare">
          <button mat-flat-button type="button" [disabled]="!canCompare()" (click)="compare()" i18n="@@cms.compare">Comparer</button>
        </div>
      } @else {
        <mx-loading-state />
      }

      @if (diff(); as diff) {
        <section class="diff" aria-labelledby="cms-diff-title">
          <h2 id="cms-diff-title" i18n="@@cms.diffTitle">Différences entre la révision {{ diff.from.number }} et la révision {{ diff.to.number }}</h2>
          @if (diff.fields.length === 0 && !diff.bodyChanged) {
            <p i18n="@@cms.noDiff">Aucune différence.</p>
          }
          @if (diff.fields.length > 0) {
            <table>
              <caption i18n="@@cms.changedFields">Champs modifiés</caption>
              <thead>
                <tr>
                  <th scope="col" i18n="@@cms.diffField">Champ</th>
                  <th scope="col" i18n="@@cms.diffBefore">Avant</th>
                  <th scope="col" i18n="@@cms.diffAfter">Après</th>
                </tr>
              </thead>
              <tbody>
                @for (field of diff.fields; track field.field) {
                  <tr>
                    <th scope="row">{{ fieldLabel(field.field) }}</th>
                    <td><del>{{ show(field.before) }}</del></td>
                    <td><ins>{{ show(field.after) }}</ins></td>
                  </tr>
                }
              </tbody>
            </table>
          }
          @if (diff.bodyChanged) {
            <h3 i18n="@@cms.body">Texte</h3>
            <p class="legend" i18n="@@cms.diffLegend">Texte ajouté souligné, texte supprimé barré.</p>
            <div class="word-diff" data-testid="cms-word-diff">
              @for (part of diff.body; track $index) {
                @switch (part.op) {
                  @case ('insert') {
                    <ins>{{ part.text }}</ins>
                  }
                  @case ('delete') {
                    <del>{{ part.text }}</del>
                  }
                  @default {
                    <span>{{ part.text }}</span>
                  }
                }
              }
            </div>
          }
        </section>
      }
    </section>
  `,
  styles: `
    table { border-collapse: collapse; width: 100%; margin-bottom: 16px; }
    caption { text-align: left; padding: 8px 0; color: var(--mat-sys-on-surface-variant); }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
    .compare { display: flex; justify-content: flex-end; margin-bottom: 24px; }
    .word-diff { white-space: pre-wrap; line-height: 1.6; padding: 12px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    ins { background: #d7f5dd; color: #0b4d1a; text-decoration: underline; }
    del { background: #fbe0e0; color: #7a1010; text-decoration: line-through; }
    .legend { color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevisionHistory {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  readonly id = input.required<string>();
  protected readonly revisions = signal<CmsRevisionSummary[] | null>(null);
  protected readonly from = signal<string | null>(null);
  protected readonly to = signal<string | null>(null);
  protected readonly diff = signal<CmsRevisionDiff | null>(null);
  protected readonly canCompare = computed(() => this.from() !== null && this.to() !== null && this.from() !== this.to());
  protected readonly canEdit = computed(() => this.session.me()?.permissions.includes('cms.content.edit') ?? false);
  protected readonly formatDateTime = formatDateTime;

  constructor() {
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    try {
      const list = await this.api.unwrap(this.api.client.GET('/api/v1/cms/contents/{id}/revisions', { params: { path: { id } }, cache: 'no-store' }));
      this.revisions.set(list.items);
      this.to.set(list.items[0]?.id ?? null);
      this.from.set(list.items[1]?.id ?? null);
      if (this.canCompare()) await this.compare();
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected fromLabel(revision: CmsRevisionSummary): string {
    return $localize`:@@cms.revFromLabel:Comparer depuis la révision ${revision.number}:number:`;
  }

  protected toLabel(revision: CmsRevisionSummary): string {
    return $localize`:@@cms.revToLabel:Comparer jusqu'à la révision ${revision.number}:number:`;
  }

  protected fieldLabel(field: string): string {
    return FIELD_LABELS[field] ?? field;
  }

  protected show(value: unknown): string {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value)) return value.join(', ') || '—';
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  protected async compare(): Promise<void> {
    const revisions = this.revisions() ?? [];
    let from = this.from()!;
    let to = this.to()!;
    const number = (id: string) => revisions.find((revision) => revision.id === id)?.number ?? 0;
    if (number(from) > number(to)) [from, to] = [to, from];
    try {
      this.diff.set(await this.api.unwrap(this.api.client.GET('/api/v1/cms/contents/{id}/revisions/compare', { params: { path: { id: this.id() }, query: { from, to } } })));
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected async restore(revision: CmsRevisionSummary): Promise<void> {
    const ok = await this.confirm.ask({
      title: $localize`:@@cms.restoreTitle:Restaurer la révision ${revision.number}:number: ?`,
      message: $localize`:@@cms.restoreMessage:Son contenu devient un nouveau brouillon ; les révisions suivantes restent dans l'historique.`,
      confirmLabel: $localize`:@@cms.restore:Restaurer cette version`,
    });
    if (!ok) return;
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/revisions/{revisionId}/restore', { params: { path: { id: this.id(), revisionId: revision.id } } }));
      this.toaster.success($localize`:@@cms.restored:Version restaurée en brouillon.`);
      await this.router.navigate(['/cms/contents', this.id()]);
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
