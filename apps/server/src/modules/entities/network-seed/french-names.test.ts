import { describe, expect, it } from 'vitest';
import { ofPlace } from './french-names.js';

describe('ofPlace', () => {
  it('contracts the preposition with the article INSEE gives the name', () => {
    expect(ofPlace('Rhône', 2)).toBe('du Rhône');
    expect(ofPlace('Paris', 0)).toBe('de Paris');
    expect(ofPlace('Ain', 5)).toBe("de l'Ain");
    expect(ofPlace('Eure-et-Loir', 1)).toBe("d'Eure-et-Loir");
    expect(ofPlace('Côte-d\'Or', 3)).toBe("de la Côte-d'Or");
    expect(ofPlace('Hauts-de-Seine', 4)).toBe('des Hauts-de-Seine');
  });
});
