import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';
import { contentStems } from './french-text.js';

/**
 * The refusal gate, before any provider: a retrieved chunk is relevant when it covers enough of the
 * question's content words (title and heading included). Retrieval scores are not comparable across
 * rankers (lexical, fused with embeddings), so the gate uses its own measure. Tuned on both
 * evaluation sets as a whole (docs/perf.md, "AI evaluation").
 */
export const MIN_COVERAGE = 0.6;

export function coverage(question: string, chunk: Pick<RetrievedChunk, 'title' | 'heading' | 'text'>): number {
  const wanted = new Set(contentStems(question));
  if (wanted.size === 0) return 0;
  const present = new Set(contentStems(`${chunk.title} ${chunk.heading ?? ''} ${chunk.text}`));
  let found = 0;
  for (const stem of wanted) if (present.has(stem)) found += 1;
  return found / wanted.size;
}

/** The chunks worth answering from, in retrieval order; empty means "refuse". */
export function relevantChunks(question: string, chunks: readonly RetrievedChunk[], minCoverage = MIN_COVERAGE): RetrievedChunk[] {
  return chunks.filter((chunk) => coverage(question, chunk) >= minCoverage);
}
