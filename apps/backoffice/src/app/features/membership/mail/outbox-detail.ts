import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { DomSanitizer } from '@angular/platform-browser';
import { ActivatedRoute } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { MAIL_STATUS_LABELS, frenchDateTime, type OutboxMailDetail } from './mail-labels';

/**
 * One outgoing mail: delivery state, the text part, and the HTML part as sent. The HTML is never put
 * into this page: it renders in an iframe with an empty `sandbox` (no script, no same-origin access,
 * no navigation, no form), so whatever the template produced cannot act on the back-office. It is
 * shown on demand only: the text part is enough to check a message, and the HTML may load images.
 */
@Component({
  selector: 'mx-outbox-detail',
  imports: [MatButton, LoadingState],
  template: `
    @if (mail(); as mail) {
      <section class="page">
        <div class="page-header"><h1>{{ mail.subject }}</h1></div>
        <dl class="facts">
          <div><dt i18n="@@mail.to">Destinataire</dt><dd data-testid="mail-to">{{ mail.to }}</dd></div>
          <div><dt i18n="@@mail.status">Statut</dt><dd data-testid="mail-status">{{ statusLabel() }}</dd></div>
          <div><dt i18n="@@mail.attempts">Tentatives</dt><dd>{{ mail.attempts }}</dd></div>
          <div><dt i18n="@@mail.template">Modèle</dt><dd>{{ mail.template }}</dd></div>
          <div><dt i18n="@@mail.createdAt">Date</dt><dd>{{ dateTime(mail.createdAt) }}</dd></div>
          <div><dt i18n="@@mail.sentAt">Envoyé le</dt><dd>{{ dateTime(mail.sentAt) }}</dd></div>
          @if (mail.messageId) {
            <div><dt i18n="@@mail.messageId">Identifiant du message</dt><dd class="wrap">{{ mail.messageId }}</dd></div>
          }
        </dl>
        @if (mail.lastError) {
          <div class="error" role="note">
            <h2 i18n="@@mail.lastError">Dernière erreur</h2>
            <p>{{ mail.lastError }}</p>
          </div>
        }
        <h2 i18n="@@mail.textPart">Texte</h2>
        <pre class="body" data-testid="mail-text">{{ mail.text }}</pre>
        <h2 i18n="@@mail.htmlPart">Aperçu HTML</h2>
        @if (showHtml()) {
          <iframe class="body" sandbox="" referrerpolicy="no-referrer" [srcdoc]="html()" [title]="htmlTitle"></iframe>
        } @else {
          <button mat-stroked-button type="button" (click)="showHtml.set(true)" i18n="@@mail.showHtml">Afficher l'aperçu HTML</button>
        }
      </section>
    } @else {
      <mx-loading-state />
    }
  `,
  styles: `
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px 24px; }
    .facts dt { color: var(--mat-sys-on-surface-variant); font-size: 0.875rem; }
    .facts dd { margin: 0; }
    .wrap { overflow-wrap: anywhere; }
    .error { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); border-radius: 8px; padding: 8px 16px; margin-top: 16px; }
    .body { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 16px; width: 100%; box-sizing: border-box; }
    pre.body { white-space: pre-wrap; font-family: inherit; }
    iframe.body { height: 480px; background: #fff; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly mail = signal<OutboxMailDetail | null>(null);
  protected readonly showHtml = signal(false);
  protected readonly htmlTitle = $localize`:@@mail.htmlTitle:Partie HTML du courriel`;
  protected readonly statusLabel = computed(() => MAIL_STATUS_LABELS[this.mail()?.status ?? ''] ?? '');
  // Trusted only because the frame is sandboxed without any permission (see the class comment).
  protected readonly html = computed(() => this.sanitizer.bypassSecurityTrustHtml(this.mail()?.html ?? ''));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected dateTime(iso: string | null): string {
    return frenchDateTime(iso);
  }

  private async load(id: string): Promise<void> {
    if (!id) return;
    this.showHtml.set(false);
    try {
      this.mail.set(await this.api.unwrap(this.api.client.GET('/api/v1/mail/outbox/{id}', { params: { path: { id } } })));
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
