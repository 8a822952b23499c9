import { createRequire } from 'node:module';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';

// database.ts installs the plain copy when it is loaded, as the server does.
describe('query configs copied by installPlainQueryConfigCopy', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: false });
  }, 120_000);
  afterAll(() => t.drop());

  it('is what node-postgres uses', () => {
    const pgUtils = createRequire(import.meta.url)('pg/lib/utils.js') as { normalizeQueryConfig: { plainCopy?: true } };
    expect(pgUtils.normalizeQueryConfig.plainCopy).toBe(true);
  });

  it("runs a shared, frozen config with values given apart, and leaves the caller's object as it was", async () => {
    const config = Object.freeze({ text: 'SELECT $1::int + 1 AS n', name: 'plain-copy' });
    for (const value of [1, 41]) {
      const { rows } = await t.database.pool.query(config, [value]);
      expect(rows).toEqual([{ n: value + 1 }]);
    }
    expect(config).toEqual({ text: 'SELECT $1::int + 1 AS n', name: 'plain-copy' });
  });

  it('keeps the callback form node-postgres accepts', async () => {
    const client = await t.database.pool.connect();
    try {
      const viaCallback = await new Promise((resolve, reject) =>
        client.query({ text: 'SELECT $1::text AS word', values: ['un'] }, (error, result) => (error ? reject(error) : resolve(result.rows))),
      );
      expect(viaCallback).toEqual([{ word: 'un' }]);
    } finally {
      client.release();
    }
  });

  it('still reads a config whose fields come from its prototype, through node-postgres’s own copy', async () => {
    const inherited = Object.create({ text: 'SELECT 3 AS n' }) as pg.QueryConfig;
    const { rows } = await t.database.pool.query(inherited);
    expect(rows).toEqual([{ n: 3 }]);
  });
});
