import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { SOURCE_TYPE_LABELS, type Citation } from '../assistant-labels';

/** Characters of the source shown on each side of the quote. */
const CONTEXT = 320;

export interface CitationDialogData {
  citation: Citation;
  /** Its number in the answer, as shown in the marker. */
  number: number;
}

/**
 * One cited source: title, heading, the passage with the quote highlighted (read from the document's
 * text when the user may read the collection, the quote alone otherwise) and a link to the source.
 */
@Component({
  selector: 'mx-citation-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  template: `
    <h2 mat-dialog-title><span class="muted">[{{ data.number }}]</span> {{ citation.title }}</h2>
    <mat-dialog-content>
      <dl class="facts">
        <dt i18n="@@ai.sourceType">Type de source</dt>
        <dd>{{ sourceType }}</dd>
        @if (citation.heading) {
          <dt i18n="@@ai.heading">Section</dt>
          <dd>{{ citation.heading }}</dd>
        }
      </dl>
      <h3 i18n="@@ai.passage">Passage cité</h3>
      <blockquote class="passage" data-testid="cited-passage">
        @if (context(); as around) {
          @if (around.before) {
            <span class="muted">…{{ around.before }}</span>
          }
          <mark>{{ citation.quote }}</mark>
          @if (around.after) {
            <span class="muted">{{ around.after }}…</span>
          }
        } @else {
          <mark>{{ citation.quote }}</mark>
        }
      </blockquote>
      @if (citation.url) {
        <p>
          <a [href]="citation.url" target="_blank" rel="noopener" i18n="@@ai.openSource">Ouvrir la source (nouvel onglet)</a>
        </p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial i18n="@@ai.close">Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
    .facts dt { font-weight: 500; }
    .facts dd { margin: 0; }
    .passage { margin: 0; padding: 12px 16px; border-left: 4px solid var(--mat-sys-primary); background: var(--mat-sys-surface-container); white-space: pre-line; }
    mark { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CitationDialog {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  protected readonly data = inject<CitationDialogData>(MAT_DIALOG_DATA);
  protected readonly citation = this.data.citation;
  protected readonly sourceType = SOURCE_TYPE_LABELS[this.citation.sourceType] ?? this.citation.sourceType;
  private readonly text = signal<string | null>(null);
  /** The source text around the quote, when the quote sits at its offsets (it always should). */
  protected readonly context = computed(() => {
    const text = this.text();
    const { start, end, quote } = this.citation;
    if (text === null || text.slice(start, end) !== quote) return null;
    return { before: text.slice(Math.max(0, start - CONTEXT), start), after: text.slice(end, end + CONTEXT) };
  });

  constructor() {
    // Only uploaded documents have a readable full text; CMS pages are opened through their link.
    if (this.citation.sourceType === 'document' && (this.session.me()?.permissions ?? []).includes('ai.knowledge.read')) void this.loadText();
  }

  private async loadText(): Promise<void> {
    try {
      const detail = await this.api.unwrap(this.api.client.GET('/api/v1/ai/documents/{id}', { params: { path: { id: this.citation.sourceId } } }));
      this.text.set(detail.text);
    } catch {
      // The quote alone is still shown: the document may be another branch's, readable only through the answer.
    }
  }
}
