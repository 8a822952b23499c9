import type { AnswerSegment, Citation } from '../assistant-labels';

export interface NumberedSource {
  number: number;
  citation: Citation;
}

export interface NumberedSegment {
  text: string;
  markers: NumberedSource[];
}

/**
 * Numbers an answer's citations in order of first appearance: the same passage cited by two
 * sentences keeps one number, so the markers and the list of sources below the answer agree. The
 * numbers only depend on what comes before, so segments still streaming in keep theirs.
 */
export function numberCitations(answer: { segments: readonly AnswerSegment[] }): { segments: NumberedSegment[]; sources: NumberedSource[] } {
  const byPassage = new Map<string, NumberedSource>();
  const segments = answer.segments.map((segment) => ({
    text: segment.text,
    markers: segment.citations.map((citation) => {
      const key = `${citation.chunkId}:${citation.start}:${citation.end}`;
      let numbered = byPassage.get(key);
      if (!numbered) {
        numbered = { number: byPassage.size + 1, citation };
        byPassage.set(key, numbered);
      }
      return numbered;
    }),
  }));
  return { segments, sources: [...byPassage.values()] };
}
