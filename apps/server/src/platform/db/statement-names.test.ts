import { describe, expect, it } from 'vitest';
import { MAX_NAMED, PREPARE_AFTER, StatementNames } from './statement-names.js';

describe('automatic statement names', () => {
  it('names a text from its third use on, always the same name, and stops naming at the cap', () => {
    const names = new StatementNames();
    const preparedNameFor = (text: string) => names.nameFor(text);
    const uses = Array.from({ length: PREPARE_AFTER + 1 }, () => preparedNameFor('SELECT $1::int AS first'));
    expect(uses.slice(0, PREPARE_AFTER - 1)).toEqual(Array(PREPARE_AFTER - 1).fill(undefined));
    expect(uses.slice(PREPARE_AFTER - 1)).toEqual(['maillage_auto_1', 'maillage_auto_1']);

    for (let text = 2; text <= MAX_NAMED + 5; text += 1) {
      for (let use = 0; use < PREPARE_AFTER; use += 1) preparedNameFor(`SELECT $1::int AS text_${text}`);
    }
    expect(preparedNameFor(`SELECT $1::int AS text_${MAX_NAMED}`)).toBe(`maillage_auto_${MAX_NAMED}`);
    expect(preparedNameFor(`SELECT $1::int AS text_${MAX_NAMED + 1}`)).toBeUndefined();
    expect(preparedNameFor('SELECT $1::int AS first')).toBe('maillage_auto_1');
  });
});
