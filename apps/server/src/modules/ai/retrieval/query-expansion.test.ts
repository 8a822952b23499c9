import { describe, expect, it } from 'vitest';
import { expandQuery, foldText } from './query-expansion.js';
import { fuse, RRF_K, type LexicalRow } from './retrieve-chunks.js';
import type { NearestRow } from './retrieval.repository.js';

describe('expandQuery', () => {
  it('folds accents, drops question and stop words, and splits apostrophes and "puis-je"', () => {
    expect(foldText("Période d'Essai À L’ŒUVRE")).toBe('periode d essai a l oeuvre');
    const { terms } = expandQuery("Puis-je renouveler la période d'essai d'un cadre ?");
    expect(terms).toEqual(['renouveler', 'periode', 'essai', 'cadre']);
  });

  it('adds the legal wording of everyday words, as OR terms and quoted phrases', () => {
    const expanded = expandQuery('Combien dois-je verser en prime de précarité à la fin d’un CDD ?');
    expect(expanded.expansions).toEqual(expect.arrayContaining(['"duree determinee"', '"indemnite de fin de contrat"']));
    expect(expanded.websearch).toContain(' or "indemnite de fin de contrat"');
    expect(expanded.trigramText).toContain('indemnite de fin de contrat');
  });

  it('gives nothing to search for a question without content words, and never a negation', () => {
    expect(expandQuery('Que faire ?').websearch).toBe('');
    expect(expandQuery('-licenciement').websearch).not.toMatch(/(^|\s)-/);
  });
});

describe('reciprocal rank fusion', () => {
  const row = (id: string, fts: number, trgm: number) => ({ chunk_id: id, fts_rank: String(fts), trgm_rank: trgm }) as LexicalRow;

  it('sums 1/(k + rank) over the arms and sorts best first', () => {
    const fused = fuse([row('a', 1, 3), row('b', 2, 1), row('c', 3, 2)]);
    expect(fused.map((chunk) => chunk.chunkId)).toEqual(['b', 'a', 'c']);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1), 6);
  });

  it('with the vector arm, fuses the lexical ranking as one list with the vector ranking', () => {
    const nearest = (id: string, rank: number) => ({ chunk_id: id, vector_rank: String(rank), similarity: 1 / rank }) as NearestRow;
    // Lexical order b, a, c; vector order c, d (d shares no word with the question).
    const fused = fuse([row('a', 1, 3), row('b', 2, 1), row('c', 3, 2)], [nearest('c', 1), nearest('d', 2)]);
    // a (lexical 2nd) and d (vector 2nd) tie at 1/62: by chunk id.
    expect(fused.map((chunk) => chunk.chunkId)).toEqual(['c', 'b', 'a', 'd']);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1), 6);
    expect(fused[3]!.score).toBeCloseTo(1 / (RRF_K + 2), 6);
    expect(Math.max(...fused.map((chunk) => chunk.score))).toBeLessThanOrEqual(2 / (RRF_K + 1));
  });
});
