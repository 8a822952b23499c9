import { describe, expect, it } from 'vitest';
import { COMMON_OPERAND_CHUNKS, MIN_SELECTED_CHUNKS, selectingOperands } from './candidate-filter.js';

describe('selectingOperands', () => {
  const common = COMMON_OPERAND_CHUNKS + 1;

  it('leaves nothing out without statistics or on a small corpus', () => {
    expect(selectingOperands([{ operand: 'salarie', chunks: 0 }, { operand: 'essai', chunks: 0 }])).toBeNull();
    expect(selectingOperands([{ operand: 'salarie', chunks: COMMON_OPERAND_CHUNKS }, { operand: 'essai', chunks: 12 }])).toBeNull();
  });

  it('lets only the rarer operands select when common ones would bring most chunks', () => {
    const selecting = selectingOperands([
      { operand: 'salarie', chunks: 16_000 },
      { operand: 'essai', chunks: 970 },
      { operand: '"duree indeterminee"', chunks: 6_400 },
      { operand: 'cdi', chunks: 0 },
    ]);
    expect(selecting).toEqual(['cdi', 'essai']);
  });

  it('adds back the rarest common operands until the selection is large enough', () => {
    const selecting = selectingOperands([
      { operand: 'travail', chunks: common * 10 },
      { operand: 'faible', chunks: 0 },
      { operand: 'conventionnelle', chunks: common },
      { operand: 'rupture', chunks: common * 4 },
    ]);
    expect(MIN_SELECTED_CHUNKS).toBeLessThan(common);
    expect(selecting).toEqual(['faible', 'conventionnelle']);
  });
});
