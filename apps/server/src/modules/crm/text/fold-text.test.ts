import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.js';

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
});
