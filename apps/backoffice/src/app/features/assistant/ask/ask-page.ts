import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import { FormAlert } from '../../../shared/form/form-alert';
import { fieldErrorText } from '../../../shared/form/server-errors';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { FEEDBACK_LABELS } from '../assistant-labels';
import { numberCitations, type NumberedSource } from './answer-citations';
import { AnswerProgress } from './answer-progress';
import { AnswerStream } from './answer-stream';
import { CitationDialog, type CitationDialogData } from './citation-dialog';

/** Problems of the answers API worth their own French sentence. */
const ASK_PROBLEMS: Record<string, string> = {
  ai_assistant_disabled: $localize`:@@ai.disabled:L'assistant n'est pas activé pour votre structure. Un administrateur peut l'activer (indicateur « ai.assistant »).`,
  ai_rate_limited: $localize`:@@ai.rateLimited:Vous avez posé trop de questions en peu de temps. Réessayez dans quelques instants.`,
  ai_provider_failed: $localize`:@@ai.providerFailed:Le fournisseur d'IA n'a pas pu répondre. Réessayez dans quelques instants.`,
};

/**
 * Asks the assistant (streamed answers API) and shows its answer sentence by sentence as each is
 * verified, with numbered citation markers; each opens the cited passage. Once complete: the list of
 * sources, provider and feedback. Refusals say why; feedback is one click.
 */
@Component({
  selector: 'mx-ask-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatHint, MatError, MatButton, FormAlert, LoadingState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@ai.ask">Poser une question</h1>
      </div>
      <p class="muted" i18n="@@ai.askHelp">L'assistant répond uniquement à partir des documents et des pages du réseau que vous pouvez consulter, et cite chaque passage utilisé.</p>
      <form [formGroup]="form" (ngSubmit)="ask()" novalidate class="ask-form">
        <mx-form-alert [messages]="alerts()" />
        <mat-form-field appearance="outline" class="wide">
          <mat-label i18n="@@ai.question">Votre question</mat-label>
          <textarea matInput formControlName="question" rows="3" required maxlength="1000"></textarea>
          <mat-hint i18n="@@ai.questionHint">Par exemple : Quelle est la durée maximale d'un CDD ?</mat-hint>
          <mat-error>{{ errorText(question) }}</mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@ai.submit">Demander</button>
      </form>

      @if (busy() && streamed().length === 0) {
        <mx-loading-state i18n-label="@@ai.thinking" label="Recherche dans les sources…" />
      }

      @if (answer() || streamed().length > 0) {
        <article class="answer" aria-labelledby="answer-title" aria-live="polite" [attr.aria-busy]="busy()">
          <h2 id="answer-title" i18n="@@ai.answer">Réponse</h2>
          @if (answer()?.status === 'refused') {
            <div class="notice" role="status" data-testid="refusal">
              <strong i18n="@@ai.refusedTitle">L'assistant ne répond pas à cette question.</strong>
              <p>{{ answer()?.message }}</p>
            </div>
          } @else {
            @if (answer()?.status === 'partial') {
              <p class="notice" role="status">{{ answer()?.message }}</p>
            }
            <!-- Verified segments as they stream in, then the final answer: one rendering. -->
            <p class="segments" data-testid="answer-text">
              @for (segment of numbered().segments; track $index) {
                <span class="segment">{{ segment.text }}</span>
                @for (marker of segment.markers; track $index) {
                  <button type="button" class="marker" (click)="open(marker)" [attr.aria-label]="markerLabel(marker)">[{{ marker.number }}]</button>
                }
                {{ ' ' }}
              }
            </p>
            @if (interruption(); as message) {
              <div class="notice interrupted" role="alert" data-testid="interrupted">
                <p>{{ message }}</p>
                <button mat-stroked-button type="button" (click)="ask()" [disabled]="busy()" i18n="@@ai.retry">Réessayer</button>
              </div>
            } @else if (!answer()) {
              <p class="muted" i18n="@@ai.streaming">Réponse en cours de rédaction…</p>
            }
          }
          @if (answer(); as current) {
            @if (current.status !== 'refused') {
              <h3 i18n="@@ai.sources">Sources</h3>
              <ol class="sources">
                @for (source of numbered().sources; track source.number) {
                  <li [value]="source.number">
                    <button mat-button type="button" (click)="open(source)">{{ source.citation.title }}</button>
                    @if (source.citation.heading) {
                      <span class="muted">— {{ source.citation.heading }}</span>
                    }
                  </li>
                }
              </ol>
            }
            <p class="muted meta" i18n="@@ai.meta">Fournisseur {{ current.provider }} · modèle {{ current.model }} · {{ current.latencyMs }} ms</p>

            <div class="feedback" role="group" i18n-aria-label="@@ai.feedbackGroup" aria-label="Votre avis sur cette réponse">
              @if (feedbackGiven(); as rating) {
                <p role="status" i18n="@@ai.feedbackThanks">Merci, votre avis « {{ feedbackLabels[rating] }} » est enregistré.</p>
              } @else {
                <span i18n="@@ai.feedbackQuestion">Cette réponse vous a-t-elle été utile ?</span>
                <button mat-stroked-button type="button" (click)="feedback('useful')" [disabled]="sendingFeedback()" i18n="@@ai.feedback.useful">Utile</button>
                <button mat-stroked-button type="button" (click)="feedback('wrong')" [disabled]="sendingFeedback()" i18n="@@ai.feedback.wrong">Pas utile</button>
              }
            </div>
          }
        </article>
      }
    </section>
  `,
  styles: `
    .ask-form { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; max-width: 820px; }
    .wide { width: 100%; }
    .answer { margin-top: 24px; max-width: 820px; }
    .segments { line-height: 1.7; }
    .marker {
      border: none; background: none; padding: 0 2px; cursor: pointer; font: inherit; font-size: 0.85em;
      vertical-align: super; color: var(--mat-sys-primary); text-decoration: underline;
    }
    .notice { padding: 12px 16px; border-radius: 8px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); }
    .notice p { margin: 4px 0 0; }
    .interrupted { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .interrupted p { margin: 0; flex: 1 1 320px; }
    .sources li { margin: 2px 0; }
    .feedback { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-top: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AskPage {
  private readonly api = inject(Api);
  private readonly stream = inject(AnswerStream);
  private readonly dialog = inject(MatDialog);
  private readonly toaster = inject(Toaster);

  protected readonly question = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(3), Validators.maxLength(1000)] });
  // A form group gives the <form> its ngSubmit (a lone control would let the browser submit the page).
  protected readonly form = new FormGroup({ question: this.question });
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  private readonly progress = new AnswerProgress();
  protected readonly answer = this.progress.answer;
  /** Verified segments received so far, until the complete answer replaces them (kept if the stream is cut). */
  protected readonly streamed = this.progress.segments;
  protected readonly interruption = this.progress.interruption;
  protected readonly numbered = computed(() => numberCitations(this.answer() ?? { segments: this.streamed() }));
  protected readonly feedbackGiven = signal<'useful' | 'wrong' | null>(null);
  protected readonly sendingFeedback = signal(false);
  protected readonly feedbackLabels = FEEDBACK_LABELS;
  protected readonly errorText = fieldErrorText;

  protected async ask(): Promise<void> {
    if (this.question.invalid) {
      this.question.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    this.progress.start();
    this.feedbackGiven.set(null);
    try {
      this.progress.complete(await this.stream.ask({ question: this.question.value.trim() }, (segment) => this.progress.receive(segment)));
    } catch (failure) {
      // Cut mid-answer: the verified sentences already shown stay, with the interruption and a retry.
      if (this.progress.interrupt()) return;
      if (!(failure instanceof ApiProblem)) {
        this.toaster.error(failure);
        return;
      }
      const onQuestion = failure.errors.find((error) => error.pointer === '/question');
      if (onQuestion) {
        this.question.setErrors({ server: onQuestion.message });
        this.question.markAsTouched();
      }
      this.alerts.set([ASK_PROBLEMS[failure.code] ?? problemMessage(failure)]);
    } finally {
      this.busy.set(false);
    }
  }

  protected open(source: NumberedSource): void {
    const data: CitationDialogData = { citation: source.citation, number: source.number };
    this.dialog.open(CitationDialog, { data, width: '720px', maxWidth: '95vw' });
  }

  protected markerLabel(source: NumberedSource): string {
    return $localize`:@@ai.markerLabel:Source ${source.number}:number: : ${source.citation.title}:title:`;
  }

  protected async feedback(rating: 'useful' | 'wrong'): Promise<void> {
    const answer = this.answer();
    if (!answer) return;
    this.sendingFeedback.set(true);
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/ai/interactions/{id}/feedback', { params: { path: { id: answer.interactionId } }, body: { rating } }));
      this.feedbackGiven.set(rating);
    } catch (failure) {
      this.toaster.error(failure);
    } finally {
      this.sendingFeedback.set(false);
    }
  }
}
