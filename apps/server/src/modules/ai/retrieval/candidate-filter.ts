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

export interface OperandEstimate {
  operand: string;
  /** Estimated number of chunks holding it (0: rare, or no statistics). */
  chunks: number;
}

/** The operands that select candidates, or null when all of them do (nothing left out). */
export function selectingOperands(estimates: readonly OperandEstimate[]): string[] | null {
  const byRarity = [...estimates].sort((a, b) => a.chunks - b.chunks);
  const selecting = byRarity.filter((estimate) => estimate.chunks <= COMMON_OPERAND_CHUNKS);
  let selected = selecting.reduce((sum, estimate) => sum + estimate.chunks, 0);
  for (const estimate of byRarity.slice(selecting.length)) {
    if (selected >= MIN_SELECTED_CHUNKS) break;
    selecting.push(estimate);
    selected += estimate.chunks;
  }
  return selecting.length === estimates.length ? null : selecting.map((estimate) => estimate.operand);
}
