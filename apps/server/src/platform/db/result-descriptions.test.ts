import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { TIMESTAMPTZ_AS_TEXT } from './timestamps.js';

// database.ts installs the lean descriptions when it is loaded, as the server does.
describe("node-postgres results described by installLeanResultDescriptions", () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: false });
  }, 120_000);
  afterAll(() => t.drop());

  it('is what every pool of ours uses', () => {
    expect((pg.Result.prototype as unknown as { addFields: { lean?: true } }).addFields.lean).toBe(true);
  });

  it('reads rows as objects, with parsers, repeated names and a __proto__ column as before', async () => {
    const text = `SELECT 1::int8 AS count, 'x' AS "2", 'a' AS name, 'b' AS name, '2026-12-02 10:00:00+00'::timestamptz AS at, NULL::text AS empty`;
    for (let execution = 0; execution < 3; execution += 1) {
      const { rows, fields } = await t.database.pool.query({ text, name: 'lean-objects', types: TIMESTAMPTZ_AS_TEXT });
      expect(rows).toEqual([{ count: 1, 2: 'x', name: 'b', at: '2026-12-02 10:00:00+00', empty: null }]);
      expect(Object.keys(rows[0]!)).toEqual(['2', 'count', 'name', 'at', 'empty']);
      expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
      expect(fields.map((field) => field.name)).toEqual(['count', '2', 'name', 'name', 'at', 'empty']);
    }
    const { rows } = await t.database.pool.query(`SELECT 'kept' AS "__proto__", 1 AS other`);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe('kept');
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(rows[0].other).toBe(1);
  });

  it('reads rows as arrays with the same parsers, and results without columns', async () => {
    const { rows } = await t.database.pool.query({ text: `SELECT 2::int8, now() > '2000-01-01'::timestamptz, NULL`, rowMode: 'array' });
    expect(rows).toEqual([[2, true, null]]);
    const none = await t.database.pool.query('SELECT FROM generate_series(1, 2)');
    expect(none.rows).toEqual([{}, {}]);
  });
});
