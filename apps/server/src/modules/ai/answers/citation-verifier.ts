import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';
import type { DraftCitation, DraftSentence } from '../providers/generation-provider.js';
import { contentStems, numbersIn, splitSentences } from './french-text.js';

/** A citation as the API returns it: verified, with the verbatim quote and its offsets in the source text. */
export interface VerifiedCitation {
  sourceType: RetrievedChunk['sourceType'];
  sourceId: string;
  title: string;
  url: string | null;
  heading: string | null;
  chunkId: string;
  version: string;
  quote: string;
  start: number;
  end: number;
}

export interface VerifiedSegment {
  text: string;
  citations: VerifiedCitation[];
}

export type DropReason = 'uncited' | 'unknown_chunk' | 'quote_not_found' | 'offsets_mismatch' | 'unsupported' | 'unsupported_number';

export interface DroppedSentence {
  text: string;
  reason: DropReason;
}

export type AnswerStatus = 'answered' | 'partial' | 'refused';

export interface VerificationResult {
  status: AnswerStatus;
  segments: VerifiedSegment[];
  dropped: DroppedSentence[];
}

/** Share of the sentence's content words that must occur in a cited chunk (paraphrase allowed, topic drift not). */
export const MIN_SUPPORT = 0.3;
/** Shortest quote accepted: a word or two proves nothing. */
export const MIN_QUOTE_LENGTH = 12;

/**
 * The citation rules, whatever the provider: every sentence carries at least one citation to a chunk
 * retrieved for this question (the caller passes only chunks the asker may read); each quote is
 * verbatim in its chunk at the stated offsets; each number of the sentence appears in a cited chunk.
 * A citation breaking a rule is removed; a sentence left without a valid citation, or with a number
 * no cited chunk states, is dropped. Every sentence is treated as factual (no exemption for
 * "connecting" sentences: an assistant that must not invent has nothing to say uncited).
 */
export function verifySentence(sentence: DraftSentence, chunks: ReadonlyMap<string, RetrievedChunk>): VerifiedSegment | DroppedSentence {
  const text = sentence.text.trim();
  if (sentence.citations.length === 0) return { text, reason: 'uncited' };
  const valid: VerifiedCitation[] = [];
  let firstProblem: DropReason = 'uncited';
  for (const draft of sentence.citations) {
    const outcome = verifyCitation(text, draft, chunks);
    if (typeof outcome === 'string') {
      if (firstProblem === 'uncited') firstProblem = outcome;
      continue;
    }
    if (!valid.some((c) => c.chunkId === outcome.chunkId && c.start === outcome.start)) valid.push(outcome);
  }
  if (valid.length === 0) return { text, reason: firstProblem };
  const stated = new Set(valid.flatMap((citation) => numbersOfChunk(chunks.get(citation.chunkId)!)));
  if (numbersIn(text).some((number) => !stated.has(number))) return { text, reason: 'unsupported_number' };
  return { text, citations: valid };
}

export function verifyAnswer(sentences: readonly DraftSentence[], chunks: readonly RetrievedChunk[]): VerificationResult {
  const byId = new Map(chunks.map((chunk) => [chunk.chunkId, chunk]));
  const segments: VerifiedSegment[] = [];
  const dropped: DroppedSentence[] = [];
  for (const sentence of sentences) {
    if (sentence.text.trim() === '') continue;
    const outcome = verifySentence(sentence, byId);
    if ('reason' in outcome) dropped.push(outcome);
    else segments.push(outcome);
  }
  return { status: statusOf(segments.length, dropped.length), segments, dropped };
}

export function statusOf(kept: number, dropped: number): AnswerStatus {
  if (kept === 0) return 'refused';
  return dropped > 0 ? 'partial' : 'answered';
}

function verifyCitation(sentence: string, draft: DraftCitation, chunks: ReadonlyMap<string, RetrievedChunk>): VerifiedCitation | DropReason {
  const chunk = chunks.get(draft.chunkId);
  if (!chunk) return 'unknown_chunk';
  let located: { start: number; end: number } | null;
  if (draft.quote === undefined || draft.quote.trim() === '') {
    located = bestSupport(sentence, chunk.text);
  } else if (draft.start !== undefined && draft.end !== undefined) {
    const inChunk = chunk.text.slice(draft.start - chunk.start, draft.end - chunk.start);
    if (draft.start < chunk.start || draft.end > chunk.end || inChunk !== draft.quote) return 'offsets_mismatch';
    located = { start: draft.start - chunk.start, end: draft.end - chunk.start };
  } else {
    located = locateQuote(draft.quote, chunk.text);
    if (!located) return 'quote_not_found';
  }
  if (!located || located.end - located.start < MIN_QUOTE_LENGTH) return 'quote_not_found';
  if (support(sentence, `${chunk.title} ${chunk.heading ?? ''} ${chunk.text}`) < MIN_SUPPORT) return 'unsupported';
  return {
    sourceType: chunk.sourceType,
    sourceId: chunk.sourceId,
    title: chunk.title,
    url: chunk.url,
    heading: chunk.heading,
    chunkId: chunk.chunkId,
    version: chunk.version,
    quote: chunk.text.slice(located.start, located.end),
    start: chunk.start + located.start,
    end: chunk.start + located.end,
  };
}

/**
 * Where a quote sits in the chunk: verbatim, or verbatim up to whitespace and typographic quotes
 * (models re-flow lines). Offsets are those of the chunk's own characters, so the returned quote
 * is always the source text.
 */
export function locateQuote(quote: string, text: string): { start: number; end: number } | null {
  const trimmed = quote.trim().replace(/^[«"“]\s*|\s*[»"”]$/g, '');
  if (trimmed === '') return null;
  const exact = text.indexOf(trimmed);
  if (exact >= 0) return { start: exact, end: exact + trimmed.length };
  const pattern = trimmed
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"))
    .join('\\s+');
  const match = new RegExp(pattern).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Share of the sentence's content stems found in the text (1 when the sentence has none). */
export function support(sentence: string, text: string): number {
  const wanted = new Set(contentStems(sentence));
  if (wanted.size === 0) return 1;
  const present = new Set(contentStems(text));
  let found = 0;
  for (const stem of wanted) if (present.has(stem)) found += 1;
  return found / wanted.size;
}

/** The chunk sentence that best supports an uncited-quote claim, if it supports it enough. */
function bestSupport(sentence: string, text: string): { start: number; end: number } | null {
  let best: { start: number; end: number; score: number } | null = null;
  for (const span of splitSentences(text)) {
    const score = support(sentence, span.text);
    if (!best || score > best.score) best = { start: span.start, end: span.end, score };
  }
  return best && best.score >= 0.5 ? best : null;
}

function numbersOfChunk(chunk: RetrievedChunk): string[] {
  return numbersIn(`${chunk.title} ${chunk.heading ?? ''} ${chunk.text}`);
}
