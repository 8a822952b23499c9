import { splitSentences } from '../answers/french-text.js';
import type { DraftSentence } from './generation-provider.js';
import { NO_ANSWER } from './prompts/answer-v1.js';

// One or more `[n]` markers, each optionally followed by a quote in « », " " or “ ”.
const MARKER_GROUP = /(?:\s*\[\d+\]\s*(?:«[^»]*»|"[^"]*"|“[^”]*”)?)+/g;
const MARKER = /\[(\d+)\]\s*(?:«([^»]*)»|"([^"]*)"|“([^”]*)”)?/g;

/**
 * Parses text written with answer-v1's format ("Phrase. [2] « citation »") into draft sentences.
 * `chunkIds[n - 1]` is the chunk `[n]` refers to; a marker out of range becomes an unknown chunk
 * (the verifier drops it). Text before the last sentence of a run without a marker is uncited.
 */
export function parseMarkedAnswer(output: string, chunkIds: readonly string[]): DraftSentence[] {
  if (output.trim() === '' || output.trim() === NO_ANSWER) return [];
  const sentences: DraftSentence[] = [];
  let from = 0;
  for (const group of output.matchAll(MARKER_GROUP)) {
    const spans = splitSentences(output.slice(from, group.index));
    from = group.index + group[0].length;
    if (spans.length === 0) continue;
    for (const span of spans.slice(0, -1)) sentences.push({ text: span.text, citations: [] });
    const citations = [...group[0].matchAll(MARKER)].map((marker) => {
      const quote = marker[2] ?? marker[3] ?? marker[4];
      const chunkId = chunkIds[Number(marker[1]) - 1] ?? `unknown:${marker[1]}`;
      return quote === undefined ? { chunkId } : { chunkId, quote: quote.trim() };
    });
    sentences.push({ text: spans.at(-1)!.text, citations });
  }
  for (const span of splitSentences(output.slice(from))) {
    if (span.text !== NO_ANSWER) sentences.push({ text: span.text, citations: [] });
  }
  return sentences;
}
