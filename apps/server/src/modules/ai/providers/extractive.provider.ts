import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';
import { contentStems, splitSentences } from '../answers/french-text.js';
import { coverage } from '../answers/relevance.js';
import type { DraftSentence, GenerateOptions, GenerationProvider, ProviderResult } from './generation-provider.js';

export const EXTRACTIVE_VERSION = 'extractive-v1';
const MAX_SENTENCES = 3;
/** A sentence must share at least this share of the question's content words. */
const MIN_OVERLAP = 0.25;
/** Maximal marginal relevance: how much resemblance to an already chosen sentence costs. */
const DIVERSITY = 0.6;
const MIN_LENGTH = 20;
const MAX_LENGTH = 600;
/** How far below the best chunk's question coverage a chunk may be and still be quoted. */
const COVERAGE_MARGIN = 0.15;

interface Candidate {
  sentence: DraftSentence;
  stems: Set<string>;
  score: number;
  rank: number;
  position: number;
}

/**
 * The built-in, offline provider: answers with the most relevant sentences of the retrieved chunks,
 * verbatim, each citing its chunk with the exact offsets. Relevance is the question's content words
 * a sentence contains (stop words removed, light stemming), weighted by the chunk's rank; diversity
 * by maximal marginal relevance, so three sentences do not say the same thing.
 */
export class ExtractiveProvider implements GenerationProvider {
  readonly name = 'extractive';
  readonly model = EXTRACTIVE_VERSION;
  readonly hostedOnPremises = true;
  readonly external = false;

  async generate(question: string, chunks: readonly RetrievedChunk[], options: GenerateOptions = {}): Promise<ProviderResult> {
    const sentences = extractSentences(question, chunks);
    for (const sentence of sentences) await options.onSentence?.(sentence);
    return { sentences, raw: JSON.stringify(sentences), usage: null, promptVersion: EXTRACTIVE_VERSION, sentPrompt: null };
  }
}

export function extractSentences(question: string, chunks: readonly RetrievedChunk[], limit = MAX_SENTENCES): DraftSentence[] {
  const wanted = new Set(contentStems(question));
  if (wanted.size === 0) return [];
  // Only the chunks that cover the question (nearly) as well as the best one: citing a passage that
  // merely shares a word with the question is what lowers citation precision.
  const coverages = chunks.map((chunk) => coverage(question, chunk));
  const best = Math.max(0, ...coverages);
  const candidates: Candidate[] = [];
  chunks.forEach((chunk, rank) => {
    if (coverages[rank]! < best - COVERAGE_MARGIN) return;
    for (const span of splitSentences(chunk.text)) {
      if (span.text.length < MIN_LENGTH || span.text.length > MAX_LENGTH) continue;
      const stems = new Set(contentStems(span.text));
      let shared = 0;
      for (const stem of wanted) if (stems.has(stem)) shared += 1;
      const overlap = shared / wanted.size;
      if (overlap < MIN_OVERLAP) continue;
      const score = overlap * (1 / (1 + 0.15 * rank));
      const sentence = { text: span.text, citations: [{ chunkId: chunk.chunkId, quote: span.text, start: chunk.start + span.start, end: chunk.start + span.end }] };
      candidates.push({ sentence, stems, score, rank, position: span.start });
    }
  });
  const chosen: Candidate[] = [];
  while (chosen.length < limit) {
    let best: Candidate | null = null;
    let bestValue = -Infinity;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      const redundancy = Math.max(0, ...chosen.map((c) => jaccard(c.stems, candidate.stems)));
      const value = candidate.score - DIVERSITY * redundancy * candidate.score;
      if (value > bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
    if (!best || (chosen.length > 0 && bestValue < chosen[0]!.score * 0.5)) break;
    chosen.push(best);
  }
  return chosen.sort((a, b) => a.rank - b.rank || a.position - b.position).map((c) => c.sentence);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
