/**
 * Which search operands select the full-text candidates (ADR 0019, "Retrieval at scale"). Every
 * operand still ranks them; a very common word ("salarié", "travail", "durée") only widens the set
 * that `ts_rank` must score (it matches most chunks of a large corpus) without changing which chunks
 * come first, since the best chunks also hold the question's rarer words. Estimates come from
 * PostgreSQL's statistics (`ai_chunk_term_estimates`, migration 0046): on a small or un-analysed
 * table every operand counts as rare and nothing is left out.
 */

/** An operand matching more chunks than this (estimated) does not select candidates. */
export const COMMON_OPERAND_CHUNKS = 2_000;
/** The rarest common operands are added back until the selecting ones reach this estimate. */
export const MIN_SELECTED_CHUNKS = 300;
/**
 * Past this many chunks (estimated union) the next, more common, operand no longer selects: the
 * candidates already hold the question's rarer words, so it only adds chunks that `ts_rank` must
 * score and that do not come first. Measured on the AI bench (docs/perf.md): the same top 8 for all
 * 45 questions, and the heaviest questions rank 20 % faster.
 */
export const MAX_SELECTED_CHUNKS = 3_500;

export interface OperandEstimate {
  operand: string;
  /** Estimated number of chunks holding it (0: rare, or no statistics). */
  chunks: number;
  /** Chunks in the corpus the estimate comes from (0 without statistics). */
  corpusChunks: number;
}

/** The operands that select candidates, or null when all of them do (nothing left out). */
export function selectingOperands(estimates: readonly OperandEstimate[]): string[] | null {
  const byRarity = [...estimates].sort((a, b) => a.chunks - b.chunks);
  const corpus = Math.max(0, ...estimates.map((estimate) => estimate.corpusChunks));
  const selecting: OperandEstimate[] = [];
  let selected = 0;
  // Share of the corpus holding none of the selecting operands, were they independent of each other.
  let holdingNone = 1;
  for (const estimate of byRarity) {
    const share = corpus > 0 ? Math.min(estimate.chunks / corpus, 1) : 0;
    const enough = selecting.length > 0 && selected >= MIN_SELECTED_CHUNKS;
    if (enough && (estimate.chunks > COMMON_OPERAND_CHUNKS || corpus * (1 - holdingNone * (1 - share)) > MAX_SELECTED_CHUNKS)) break;
    selecting.push(estimate);
    selected += estimate.chunks;
    holdingNone *= 1 - share;
  }
  return selecting.length === estimates.length ? null : selecting.map((estimate) => estimate.operand);
}
