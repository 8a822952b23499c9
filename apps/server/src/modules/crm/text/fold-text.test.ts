import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.js';

/** The definition foldText implements character by character: the whole string at once. */
function foldWhole(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

describe('foldText', () => {
  it('removes accents, case and punctuation', () => {
    expect(foldText('  SAINT-LÉGER-TRIEY ')).toBe('saint leger triey');
    expect(foldText("L'Étang-Salé")).toBe('l etang sale');
    expect(foldText('Cotisation (€)')).toBe('cotisation');
    expect(foldText('Téléphone')).toBe('telephone');
  });

  it('expands ligatures and treats no-break spaces as spaces', () => {
    expect(foldText('Œuvre\u00a0Cœur')).toBe('oeuvre coeur');
  });

  it('drops combining marks typed apart from their letter', () => {
    expect(foldText('Ce\u0301line Lefe\u0300vre')).toBe('celine lefevre');
  });

  it('folds any text as the whole-string definition does', () => {
    const alphabet = [
      ...'aZ09 -\'’.,;()/&@€',
      ...'ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿñÑßøØåÅıİĳĲŒœÆæ',
      '\u0301', '\u0300', '\u0327', '\u0308', '\u00a0', '\u202f', '\t', '\n',
      'Σ', 'σ', 'ς', 'Ω', '\u212a', '\u212b', 'ﬁ', 'ǆ', 'ệ', '한', 'ｅ', '½', '²',
      '😀', '𝐀', '\ud800', '\udc00',
    ];
    let seed = 20261203;
    const random = (bound: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % bound;
    };
    for (let sample = 0; sample < 20_000; sample += 1) {
      let text = '';
      const length = random(24);
      for (let index = 0; index < length; index += 1) text += alphabet[random(alphabet.length)];
      expect(foldText(text), JSON.stringify(text)).toBe(foldWhole(text));
    }
  });
});
