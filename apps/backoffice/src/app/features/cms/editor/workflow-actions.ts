import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../../core/api/api';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { Toaster } from '../../../shared/toast/toaster';
import { formatDateTime } from '../cms-labels';
import type { CmsContent } from '../cms-types';

type Action = 'submit' | 'approve' | 'request-changes' | 'unpublish' | 'archive';

/**
 * The workflow buttons the caller's permissions and the item's state allow: submit (editors),
 * publish or schedule / request changes (publishers, in review), unpublish, archive. The server
 * still decides (403/404/409 come back as toasts).
 */
@Component({
  selector: 'mx-cms-workflow-actions',
  imports: [FormsModule, MatButton, MatFormField, MatLabel, MatInput, MatHint],
  template: `
    <section class="workflow" aria-labelledby="cms-workflow-title">
      <h2 id="cms-workflow-title" i18n="@@cms.workflow">Relecture et publication</h2>
      @if (dirty()) {
        <p class="hint" i18n="@@cms.saveFirst">Enregistrez vos modifications avant de les soumettre ou de les publier.</p>
      }
      @if (content().status === 'in_review' && !canPublish()) {
        <p class="hint" i18n="@@cms.awaitingReview">En attente de relecture : un responsable de publication va le publier ou vous demander des modifications.</p>
      }
      @if (content().status === 'scheduled') {
        <p class="hint" i18n="@@cms.scheduledHint">Publication programmée : le contenu sera mis en ligne automatiquement.</p>
      }
      @if (showReview()) {
        <div class="review">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@cms.publishAt">Programmer la publication (facultatif)</mat-label>
            <input matInput type="datetime-local" [(ngModel)]="publishAt" name="publishAt" />
            <mat-hint i18n="@@cms.publishAtHint">Vide : publication immédiate.</mat-hint>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@cms.changesComment">Commentaire pour le rédacteur (facultatif)</mat-label>
            <input matInput [(ngModel)]="comment" name="comment" maxlength="2000" />
          </mat-form-field>
        </div>
      }
      @if (canPublish() && content().live) {
        <div class="review">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label i18n="@@cms.unpublishAt">Retrait automatique le</mat-label>
            <input matInput type="datetime-local" [(ngModel)]="unpublishAt" name="unpublishAt" />
            @if (content().unpublishAt) {
              <mat-hint i18n="@@cms.unpublishAtCurrent">Prévu le {{ formatDateTime(content().unpublishAt) }}</mat-hint>
            }
          </mat-form-field>
          <button mat-stroked-button type="button" [disabled]="busy() || dirty() || !unpublishAt" (click)="scheduleUnpublish(unpublishAt)" i18n="@@cms.scheduleUnpublish">Programmer le retrait</button>
          @if (content().unpublishAt) {
            <button mat-button type="button" [disabled]="busy() || dirty()" (click)="scheduleUnpublish('')" i18n="@@cms.cancelUnpublish">Annuler le retrait programmé</button>
          }
        </div>
      }
      <div class="buttons">
        @if (canEdit() && (content().status === 'draft')) {
          <button mat-flat-button type="button" [disabled]="busy() || dirty()" (click)="run('submit')" i18n="@@cms.submit">Soumettre à relecture</button>
        }
        @if (showReview()) {
          <button mat-flat-button type="button" [disabled]="busy() || dirty()" (click)="run('approve')" i18n="@@cms.publish">Publier</button>
          <button mat-stroked-button type="button" [disabled]="busy() || dirty()" (click)="run('request-changes')" i18n="@@cms.requestChanges">Demander des modifications</button>
        }
        @if (canPublish() && content().status === 'draft' && !content().live) {
          <button mat-stroked-button type="button" [disabled]="busy() || dirty()" (click)="run('approve')" i18n="@@cms.publishDirect">Publier sans relecture</button>
        }
        @if (canPublish() && content().live) {
          <button mat-stroked-button type="button" [disabled]="busy() || dirty()" (click)="run('unpublish')" i18n="@@cms.unpublish">Dépublier</button>
        }
        @if (canPublish() && content().status !== 'archived') {
          <button mat-stroked-button type="button" [disabled]="busy() || dirty()" (click)="run('archive')" i18n="@@cms.archive">Archiver</button>
        }
      </div>
    </section>
  `,
  styles: `
    .workflow { margin: 24px 0; padding: 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; }
    .review { display: flex; flex-wrap: wrap; gap: 16px; margin-bottom: 12px; }
    .review mat-form-field { min-width: 280px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; }
    .hint { color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkflowActions {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);

  readonly content = input.required<CmsContent>();
  readonly dirty = input(false);
  readonly canEdit = input(false);
  readonly canPublish = input(false);
  readonly changed = output<void>();

  protected readonly busy = signal(false);
  protected readonly showReview = computed(() => this.canPublish() && this.content().status === 'in_review');
  protected publishAt = '';
  protected unpublishAt = '';
  protected readonly formatDateTime = formatDateTime;
  protected comment = '';

  /** Sets (or clears, with '') the automatic unpublication date: a merge patch that needs the publish permission. */
  protected async scheduleUnpublish(value: string): Promise<void> {
    this.busy.set(true);
    try {
      const content = this.content();
      await this.api.unwrap(
        this.api.client.PATCH('/api/v1/cms/contents/{id}', {
          params: { path: { id: content.id }, header: { 'if-match': `"${content.version}"` } },
          body: { unpublishAt: value ? new Date(value).toISOString() : null },
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      );
      this.toaster.success(value ? $localize`:@@cms.unpublishScheduled:Retrait programmé.` : $localize`:@@cms.unpublishCancelled:Retrait programmé annulé.`);
      this.unpublishAt = '';
      this.changed.emit();
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async run(action: Action): Promise<void> {
    if (action === 'archive' || action === 'unpublish') {
      const ok = await this.confirm.ask({
        title: action === 'archive' ? $localize`:@@cms.archiveTitle:Archiver ce contenu ?` : $localize`:@@cms.unpublishTitle:Dépublier ce contenu ?`,
        message: $localize`:@@cms.offlineMessage:Il ne sera plus visible sur le site public (ni sur les sites qui le reprennent).`,
        confirmLabel: action === 'archive' ? $localize`:@@cms.archive:Archiver` : $localize`:@@cms.unpublish:Dépublier`,
        destructive: true,
      });
      if (!ok) return;
    }
    this.busy.set(true);
    try {
      const content = this.content();
      const params = { path: { id: content.id }, header: { 'if-match': `"${content.version}"` } };
      switch (action) {
        case 'submit':
          await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/submit', { params }));
          this.toaster.success($localize`:@@cms.submitted:Soumis à relecture.`);
          break;
        case 'approve': {
          const publishAt = this.publishAt ? new Date(this.publishAt).toISOString() : undefined;
          await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/approve', { params, body: publishAt ? { publishAt } : {} }));
          this.toaster.success(publishAt ? $localize`:@@cms.scheduled:Publication programmée.` : $localize`:@@cms.published:Publié.`);
          break;
        }
        case 'request-changes':
          await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/request-changes', { params, body: this.comment ? { comment: this.comment } : {} }));
          this.toaster.success($localize`:@@cms.changesRequested:Renvoyé au rédacteur.`);
          break;
        case 'unpublish':
          await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/unpublish', { params }));
          this.toaster.success($localize`:@@cms.unpublished:Dépublié.`);
          break;
        case 'archive':
          await this.api.unwrap(this.api.client.POST('/api/v1/cms/contents/{id}/archive', { params }));
          this.toaster.success($localize`:@@cms.archived:Archivé.`);
          break;
      }
      this.publishAt = '';
      this.comment = '';
      this.changed.emit();
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.busy.set(false);
    }
  }
}
