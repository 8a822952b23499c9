import { describe, expect, it } from 'vitest';
import { COMMON_OPERAND_CHUNKS, MAX_SELECTED_CHUNKS, MIN_SELECTED_CHUNKS, selectingOperands, type OperandEstimate } from './candidate-filter.js';

/** Estimates over a corpus of `corpusChunks` chunks, operand → chunks holding it. */
function estimates(chunksByOperand: Record<string, number>, corpusChunks = 40_000): OperandEstimate[] {
  return Object.entries(chunksByOperand).map(([operand, chunks]) => ({ operand, chunks, corpusChunks }));
}

describe('selectingOperands', () => {
  const common = COMMON_OPERAND_CHUNKS + 1;

  it('leaves nothing out without statistics or on a small corpus', () => {
    expect(selectingOperands(estimates({ salarie: 0, essai: 0 }, 0))).toBeNull();
    expect(selectingOperands(estimates({ salarie: COMMON_OPERAND_CHUNKS, essai: 12 }))).toBeNull();
  });

  it('lets only the rarer operands select when common ones would bring most chunks', () => {
    const selecting = selectingOperands(estimates({ salarie: 16_000, essai: 970, '"duree indeterminee"': 6_400, cdi: 0 }));
    expect(selecting).toEqual(['cdi', 'essai']);
  });

  it('adds back the rarest common operands until the selection is large enough', () => {
    const selecting = selectingOperands(estimates({ travail: common * 10, faible: 0, conventionnelle: common, rupture: common * 4 }));
    expect(MIN_SELECTED_CHUNKS).toBeLessThan(common);
    expect(selecting).toEqual(['faible', 'conventionnelle']);
  });

  it('stops at the operand that would take the selection past its bound, on a corpus where that can happen', () => {
    const words = { embauche: 1_900, essai: 1_200, cdi: 700, maximale: 1_500, exceder: 300 };
    expect(MAX_SELECTED_CHUNKS).toBeLessThan(300 + 700 + 1_200 + 1_500);
    expect(selectingOperands(estimates(words))).toEqual(['exceder', 'cdi', 'essai']);
    // Over 4,000 chunks these words overlap so much that all of them together hold fewer chunks than the bound.
    expect(selectingOperands(estimates(words, 4_000))).toBeNull();
  });

  it('keeps adding operands while the selection is too small, past the bound if need be', () => {
    expect(selectingOperands(estimates({ rare: 10, frequent: MAX_SELECTED_CHUNKS + 500, everywhere: 30_000 }))).toEqual(['rare', 'frequent']);
  });
});
