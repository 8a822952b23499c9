import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { ANSWER_STATUS_LABELS, FEEDBACK_LABELS, VISIBILITY_LABELS, type Interaction } from '../assistant-labels';

export interface InteractionDialogData {
  interaction: Interaction;
  asker: string;
  entity: string;
}

/** One journal entry: the question, the answer with its citations, what was retrieved and how it was produced. */
@Component({
  selector: 'mx-interaction-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, DatePipe],
  template: `
    <h2 mat-dialog-title>{{ interaction.question }}</h2>
    <mat-dialog-content>
      <dl class="facts">
        <dt i18n="@@ai.when">Date</dt>
        <dd>{{ interaction.createdAt | date: 'dd/MM/yyyy HH:mm:ss' }}</dd>
        <dt i18n="@@ai.asker">Posée par</dt>
        <dd>
          {{ data.asker }}
          @if (interaction.user; as user) {
            · <a [href]="'mailto:' + user.email">{{ user.email }}</a>
          }
          <code class="muted">{{ interaction.userId }}</code>
        </dd>
        <dt i18n="@@ai.entity">Structure</dt>
        <dd>{{ data.entity }}</dd>
        <dt i18n="@@ai.outcome">Résultat</dt>
        <dd>{{ statusLabels[interaction.status] ?? interaction.status }}</dd>
        @if (interaction.message) {
          <dt i18n="@@ai.message">Message</dt>
          <dd>{{ interaction.message }}</dd>
        }
        <dt i18n="@@ai.provider">Fournisseur / modèle</dt>
        <dd>{{ interaction.provider }} / {{ interaction.model }}</dd>
        <dt i18n="@@ai.prompt">Gabarit de consigne</dt>
        <dd>{{ interaction.promptVersion ?? '—' }}</dd>
        <dt i18n="@@ai.latency">Durée</dt>
        <dd>{{ interaction.latencyMs }} ms</dd>
        <dt i18n="@@ai.tokens">Jetons (consigne / réponse)</dt>
        <dd>{{ interaction.promptTokens ?? '—' }} / {{ interaction.completionTokens ?? '—' }}</dd>
        <dt i18n="@@ai.channel">Canal</dt>
        <dd>{{ interaction.channel }}</dd>
        <dt i18n="@@ai.feedback">Avis</dt>
        <dd>
          @if (interaction.feedback; as feedback) {
            {{ feedbackLabels[feedback.rating] ?? feedback.rating }}
            @if (feedback.comment) {
              — {{ feedback.comment }}
            }
          } @else {
            —
          }
        </dd>
        @if (interaction.error) {
          <dt i18n="@@ai.error">Erreur</dt>
          <dd>{{ interaction.error }}</dd>
        }
      </dl>

      <h3 i18n="@@ai.answer">Réponse</h3>
      @if (interaction.answer.length === 0) {
        <p class="muted" i18n="@@ai.noAnswer">Aucune phrase retenue.</p>
      } @else {
        <ol class="answer">
          @for (segment of interaction.answer; track $index) {
            <li>
              {{ segment.text }}
              <ul class="citations">
                @for (citation of segment.citations; track $index) {
                  <li>
                    @if (citation.url) {
                      <a [href]="citation.url" target="_blank" rel="noopener">{{ citation.title }}</a>
                    } @else {
                      {{ citation.title }}
                    }
                    <q>{{ citation.quote }}</q>
                  </li>
                }
              </ul>
            </li>
          }
        </ol>
      }
      @if (interaction.dropped.length > 0) {
        <h3 i18n="@@ai.dropped">Phrases écartées</h3>
        <ul>
          @for (sentence of interaction.dropped; track $index) {
            <li>{{ sentence.text }} <span class="muted">({{ sentence.reason }})</span></li>
          }
        </ul>
      }

      <h3 i18n="@@ai.retrieved">Passages retrouvés</h3>
      <table class="retrieved">
        <caption class="visually-hidden" i18n="@@ai.retrievedCaption">Passages retrouvés pour cette question</caption>
        <thead>
          <tr>
            <th scope="col" i18n="@@ai.passageId">Passage</th>
            <th scope="col" i18n="@@ai.score">Score</th>
            <th scope="col" i18n="@@ai.visibility">Visibilité</th>
            <th scope="col" i18n="@@ai.sent">Transmis au fournisseur</th>
          </tr>
        </thead>
        <tbody>
          @for (chunk of interaction.retrieved; track chunk.chunkId) {
            <tr>
              <td><code>{{ chunk.chunkId.slice(0, 8) }}</code> <span class="muted">v{{ chunk.version.slice(0, 8) }}</span></td>
              <td>{{ chunk.score.toFixed(4) }}</td>
              <td>{{ visibilityLabels[chunk.visibility] ?? chunk.visibility }}</td>
              <td>{{ chunk.sent ? yes : no }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4" i18n="@@ai.noneRetrieved">Aucun passage.</td>
            </tr>
          }
        </tbody>
      </table>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial i18n="@@ai.close">Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 16px; }
    .facts dt { font-weight: 500; }
    .facts dd { margin: 0; }
    .citations { margin: 4px 0 8px; }
    q { color: var(--mat-sys-on-surface-variant); }
    .retrieved { border-collapse: collapse; width: 100%; }
    .retrieved th, .retrieved td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionDialog {
  protected readonly data = inject<InteractionDialogData>(MAT_DIALOG_DATA);
  protected readonly interaction = this.data.interaction;
  protected readonly statusLabels = ANSWER_STATUS_LABELS;
  protected readonly feedbackLabels = FEEDBACK_LABELS;
  protected readonly visibilityLabels = VISIBILITY_LABELS;
  protected readonly yes = $localize`:@@ai.yes:oui`;
  protected readonly no = $localize`:@@ai.no:non`;
}
