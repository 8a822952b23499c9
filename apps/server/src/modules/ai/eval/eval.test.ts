import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { goldenSet, runEvaluation } from './run-evaluation.js';
import { seedAiDemo } from './seed-ai-demo.js';
import { failedGates } from './thresholds.js';

describe('AI evaluation and demo data', () => {
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
  }, 60_000);
  afterAll(() => testDatabase?.drop());

  // First: the seeded copy of the guides (members visibility, readable network-wide) would compete with the evaluation's.
  it('meets the golden-set thresholds through the real answer service', async () => {
    const result = await runEvaluation(testDatabase.database, goldenSet());
    expect(result.metrics.questions).toBe(60);
    expect(result.metrics.unanswerable).toBe(15);
    expect(failedGates('golden', result.metrics)).toEqual([]);
  }, 120_000);

  it('seeds « Guides pratiques » and the assistant flag, idempotently', { timeout: 60_000 }, async () => {
    const seeded = await createTestDatabase({ migrated: true });
    await createSmallNetwork(seeded.database);
    await seedAiDemo(seeded.database);
    const again = await seedAiDemo(seeded.database);
    expect(again.summary).toContain('kept as is');
    const counts = await withOwnerClient(seeded.database, async (client) =>
      (await client.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'indexed')::int AS indexed FROM ai_sources s JOIN ai_collections c ON c.id = s.collection_id WHERE c.name = 'Guides pratiques'`)).rows[0],
    );
    expect(counts).toEqual({ n: 15, indexed: 15 });
    await seeded.drop();
  });
});
