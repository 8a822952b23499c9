import { signal } from '@angular/core';
import type { Answer, AnswerSegment } from '../assistant-labels';

export const INTERRUPTED_MESSAGE = $localize`:@@ai.interrupted:La réponse a été interrompue avant la fin. Les phrases affichées ont été vérifiées, mais la réponse est incomplète.`;

/**
 * An answer as it streams in: the verified segments received so far, then the complete answer. When
 * the stream breaks after some sentences were shown, they stay on screen (each was verified before it
 * was sent) with a message saying the answer is incomplete; the page offers to ask again.
 */
export class AnswerProgress {
  /** Verified segments received so far (kept if the stream is cut). */
  readonly segments = signal<AnswerSegment[]>([]);
  readonly answer = signal<Answer | null>(null);
  /** Set when the stream broke after at least one sentence was shown. */
  readonly interruption = signal<string | null>(null);

  start(): void {
    this.segments.set([]);
    this.answer.set(null);
    this.interruption.set(null);
  }

  receive(segment: AnswerSegment): void {
    this.segments.update((segments) => [...segments, segment]);
  }

  complete(answer: Answer): void {
    this.answer.set(answer);
  }

  /**
   * The stream failed. True when sentences were already shown: they are kept and the interruption is
   * reported with them. False when nothing was shown: the caller reports the failure as a whole.
   */
  interrupt(): boolean {
    if (this.answer() !== null || this.segments().length === 0) return false;
    this.interruption.set(INTERRUPTED_MESSAGE);
    return true;
  }
}
