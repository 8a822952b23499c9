import type { Answer } from '../answers/answers.schema.js';
import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';

/** One question's outcome, judged against the documents expected to answer it. */
export interface QuestionOutcome {
  question: string;
  /** Document keys that answer it; empty: unanswerable, the right outcome is a refusal. */
  expected: readonly string[];
  retrieved: readonly RetrievedChunk[];
  answer: Answer;
  /** Source id → document key. */
  keyOf: (sourceId: string) => string | undefined;
}

export interface SetMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  /** Share of the expected documents found among the first 5 distinct retrieved documents (answerable questions). */
  recallAt5: number;
  /** Mean reciprocal rank of the first expected document among the distinct retrieved documents. */
  mrr: number;
  /** Citations whose chunk belongs to an expected document and holds the quote verbatim at its offsets, over all citations. */
  citationPrecision: number;
  /** Answer sentences with at least one such citation, over all answer sentences (answerable questions). */
  citationRecall: number;
  /** Unanswerable questions refused. */
  refusalAccuracy: number;
  /** Answerable questions answered (answered or partial). */
  answerRate: number;
}

function rankedDocuments(outcome: QuestionOutcome): string[] {
  const keys: string[] = [];
  for (const chunk of outcome.retrieved) {
    const key = outcome.keyOf(chunk.sourceId);
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/**
 * ALCE-style citation quality without an entailment model: a citation counts when its chunk is part of
 * a document that answers the question (gold) and contains the quoted support verbatim at the stated
 * offsets. Refused answers have no citations; an answer to an unanswerable question counts its citations
 * as wrong.
 */
export function computeMetrics(outcomes: readonly QuestionOutcome[]): SetMetrics {
  const answerable = outcomes.filter((o) => o.expected.length > 0);
  const unanswerable = outcomes.filter((o) => o.expected.length === 0);
  let recall = 0;
  let reciprocal = 0;
  let citations = 0;
  let goodCitations = 0;
  let sentences = 0;
  let supportedSentences = 0;
  for (const outcome of outcomes) {
    const chunks = new Map(outcome.retrieved.map((chunk) => [chunk.chunkId, chunk]));
    if (outcome.expected.length > 0) {
      const ranked = rankedDocuments(outcome);
      recall += outcome.expected.filter((key) => ranked.slice(0, 5).includes(key)).length / outcome.expected.length;
      const first = ranked.findIndex((key) => outcome.expected.includes(key));
      reciprocal += first < 0 ? 0 : 1 / (first + 1);
    }
    for (const segment of outcome.answer.segments) {
      if (outcome.expected.length > 0) sentences += 1;
      let supported = false;
      for (const citation of segment.citations) {
        citations += 1;
        const chunk = chunks.get(citation.chunkId);
        const key = chunk ? outcome.keyOf(chunk.sourceId) : undefined;
        const verbatim = chunk !== undefined && chunk.text.slice(citation.start - chunk.start, citation.end - chunk.start) === citation.quote;
        if (verbatim && key !== undefined && outcome.expected.includes(key)) {
          goodCitations += 1;
          supported = true;
        }
      }
      if (supported && outcome.expected.length > 0) supportedSentences += 1;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt5: ratio(recall, answerable.length),
    mrr: ratio(reciprocal, answerable.length),
    citationPrecision: ratio(goodCitations, citations),
    citationRecall: ratio(supportedSentences, sentences),
    refusalAccuracy: ratio(unanswerable.filter((o) => o.answer.status === 'refused').length, unanswerable.length),
    answerRate: ratio(answerable.filter((o) => o.answer.status !== 'refused').length, answerable.length),
  };
}
