import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { readCodeDuTravail, readFixtureQuestions } from '../knowledge/testing/code-du-travail.js';
import { expandQuery, foldText } from './query-expansion.js';
import { trigramSimilarities } from './trigram-similarity.js';

describe('trigram similarity (pg_trgm strict_word_similarity, computed in the server)', () => {
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
  }, 120_000);

  afterAll(async () => {
    await testDatabase?.drop();
  });

  it('gives the values pg_trgm gives on accent-folded text, over the Code du travail and its questions', async () => {
    const texts = readCodeDuTravail()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    const questions = readFixtureQuestions().slice(0, 12).map((question) => expandQuery(question.q).trigramText);
    let compared = 0;
    await withOwnerClient(testDatabase.database, async (client) => {
      for (const question of questions) {
        const { rows } = await client.query<{ similarity: number }>(
          `SELECT strict_word_similarity($1, public.unaccent('public.unaccent'::regdictionary, lower(t))) AS similarity FROM unnest($2::text[]) WITH ORDINALITY AS texts(t, n) ORDER BY n`,
          [question, texts],
        );
        const ours = trigramSimilarities(question, texts.map(foldText));
        // float4 comes back as its shortest decimal: back to single precision to compare exactly.
        const theirs = rows.map((row) => Math.fround(row.similarity));
        expect(ours.filter((value, index) => value !== theirs[index])).toEqual([]);
        compared += texts.length;
      }
    });
    expect(compared).toBeGreaterThan(6_000);
  }, 120_000);

  it('finds the best run of whole words, tolerates a misspelling, and reads letters outside a–z', () => {
    const [close, apart, exact, empty] = trigramSimilarities('periode essai', ['la periode d essai du salarie', 'la periode de travail et l essai', 'periode essai', '']);
    expect(close).toBeGreaterThan(apart!);
    expect(exact).toBe(1);
    expect(empty).toBe(0);
    expect(trigramSimilarities('periode esai', ['la periode d essai'])[0]).toBeGreaterThan(0.5);
    expect(trigramSimilarities('', ['periode essai'])).toEqual([0]);
    expect(trigramSimilarities('straße', ['la straße', 'la strasse'])).toEqual([1, expect.any(Number)]);
  });
});
