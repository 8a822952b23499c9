import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { loadCodeDuTravail, readFixtureQuestions } from '../knowledge/testing/code-du-travail.js';
import { retrieveChunks } from './retrieve-chunks.js';

// Recall@5 and MRR of the lexical retrieval on the 34 answerable development questions of the
// Code du travail fixture (shared/fixtures/knowledge). The floor is what was measured (ADR 0019).
const RECALL_AT_5_FLOOR = 0.8;

describe('retrieval quality on the Code du travail fixture', () => {
  let testDatabase: TestDatabase;
  let scope: { kind: 'entities'; entityRoots: string[]; userId: null };

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    const { ids } = await createSmallNetwork(testDatabase.database);
    await loadCodeDuTravail(testDatabase.database, ids.FR!, 'members');
    scope = { kind: 'entities', entityRoots: [ids['69']!], userId: null };
  }, 240_000);

  afterAll(async () => {
    await testDatabase?.drop();
  });

  it('prints recall@5 and MRR over the answerable questions', async () => {
    const questions = readFixtureQuestions().filter((question) => question.expected.length > 0);
    let recall = 0;
    let reciprocal = 0;
    const misses: string[] = [];
    for (const question of questions) {
      const chunks = await retrieveChunks(testDatabase.database, scope, { question: question.q, limit: 10 });
      const articles = chunks.map((chunk) => chunk.title.replace(/^Article /, ''));
      const top5 = new Set(articles.slice(0, 5));
      const found = question.expected.filter((num) => top5.has(num)).length / question.expected.length;
      recall += found;
      const firstHit = articles.findIndex((num) => question.expected.includes(num));
      reciprocal += firstHit >= 0 ? 1 / (firstHit + 1) : 0;
      if (found < 1) misses.push(`${question.expected.join(',')} ← ${question.q} → ${articles.slice(0, 5).join(', ')}`);
    }
    const recallAt5 = recall / questions.length;
    const mrr = reciprocal / questions.length;
    console.log(`[ai-retrieval] Code du travail: ${questions.length} answerable questions, recall@5 = ${recallAt5.toFixed(3)}, MRR@10 = ${mrr.toFixed(3)}`);
    if (process.env['AI_RETRIEVAL_VERBOSE']) console.log(misses.join('\n'));
    expect(questions).toHaveLength(34);
    expect(recallAt5).toBeGreaterThanOrEqual(RECALL_AT_5_FLOOR);
  }, 120_000);
});
