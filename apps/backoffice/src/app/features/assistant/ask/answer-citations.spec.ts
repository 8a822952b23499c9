import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../assistant-labels';
import { numberCitations } from './answer-citations';

const citation = (chunkId: string, start: number): Citation => ({
  sourceType: 'document',
  sourceId: '00000000-0000-4000-8000-000000000001',
  title: 'Guide',
  url: null,
  chunkId,
  version: 'v',
  quote: 'q',
  start,
  end: start + 10,
});

describe('numberCitations', () => {
  it('numbers passages by first appearance and reuses the number of a passage cited again', () => {
    const answer = {
      status: 'answered',
      segments: [
        { text: 'Un.', citations: [citation('a', 0)] },
        { text: 'Deux.', citations: [citation('b', 5), citation('a', 0)] },
      ],
      interactionId: 'i',
      provider: 'extractive',
      model: 'extractive-v1',
      latencyMs: 3,
    } as Answer;
    const { segments, sources } = numberCitations(answer);
    expect(segments.map((segment) => segment.markers.map((marker) => marker.number))).toEqual([[1], [2, 1]]);
    expect(sources.map((source) => [source.number, source.citation.chunkId])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});
