import '@angular/localize/init';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerSegment } from '../assistant-labels';
import { AnswerProgress, INTERRUPTED_MESSAGE } from './answer-progress';

const segment = (text: string): AnswerSegment => ({ text, citations: [] });

describe('AnswerProgress', () => {
  it('keeps the sentences already shown when the stream is cut, with a French message', () => {
    const progress = new AnswerProgress();
    progress.start();
    progress.receive(segment('Un CDD dure au plus 18 mois.'));
    progress.receive(segment('Il peut être renouvelé deux fois.'));
    expect(progress.interrupt()).toBe(true);
    expect(progress.segments().map((s) => s.text)).toEqual(['Un CDD dure au plus 18 mois.', 'Il peut être renouvelé deux fois.']);
    expect(progress.interruption()).toBe(INTERRUPTED_MESSAGE);
    expect(INTERRUPTED_MESSAGE).toContain('interrompue');
  });

  it('leaves a failure before any sentence to the caller, and a retry starts afresh', () => {
    const progress = new AnswerProgress();
    progress.start();
    expect(progress.interrupt()).toBe(false);
    expect(progress.interruption()).toBeNull();

    progress.receive(segment('Première phrase.'));
    progress.interrupt();
    progress.start();
    expect(progress.segments()).toEqual([]);
    expect(progress.interruption()).toBeNull();
  });

  it('does not report an interruption once the complete answer arrived', () => {
    const progress = new AnswerProgress();
    progress.start();
    progress.receive(segment('Phrase.'));
    progress.complete({ status: 'answered', segments: [segment('Phrase.')], interactionId: 'i', provider: 'extractive', model: 'm', latencyMs: 1 } as Answer);
    expect(progress.interrupt()).toBe(false);
    expect(progress.interruption()).toBeNull();
  });
});
