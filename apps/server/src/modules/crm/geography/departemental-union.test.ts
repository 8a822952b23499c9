import { describe, expect, it } from 'vitest';
import { departementalUnionCode } from './departemental-union.js';

describe('departementalUnionCode', () => {
  it('is the département itself in metropolitan France, Corsica and the DROM', () => {
    for (const code of ['01', '45', '2A', '2B', '971', '972', '973', '974', '976']) expect(departementalUnionCode(code)).toBe(code);
  });

  it('attaches Saint-Barthélemy and Saint-Martin to Guadeloupe and leaves Saint-Pierre-et-Miquelon to the national office', () => {
    expect(departementalUnionCode('977')).toBe('971');
    expect(departementalUnionCode('978')).toBe('971');
    expect(departementalUnionCode('975')).toBeNull();
  });
});
