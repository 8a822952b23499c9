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

  it('describes a named statement once per connection and reads its later executions, failed ones included, with that description', async () => {
    const client = await t.database.pool.connect();
    try {
      const connection = (client as unknown as { connection: { describe(message: unknown): void } }).connection;
      const describe = connection.describe.bind(connection);
      let describes = 0;
      connection.describe = (message) => {
        describes += 1;
        describe(message);
      };
      const text = `SELECT 10 / $1::int AS quotient, $1::int8 AS divisor, '2026-12-03 17:00:00+00'::timestamptz AS at, 'x' AS label WHERE $1::int <> 5`;
      const run = (divisor: number, options: Partial<pg.QueryConfig> & { rowMode?: 'array' } = {}) => client.query({ name: 'described-once', text, values: [divisor], ...options });
      expect((await run(1)).rows).toEqual([{ quotient: 10, divisor: 1, at: new Date('2026-12-03T17:00:00Z'), label: 'x' }]);
      expect((await run(2)).rows).toEqual([{ quotient: 5, divisor: 2, at: new Date('2026-12-03T17:00:00Z'), label: 'x' }]);
      const none = await run(5);
      expect(none.rows).toEqual([]);
      expect(none.fields.map((field) => field.name)).toEqual(['quotient', 'divisor', 'at', 'label']);
      await expect(run(0)).rejects.toThrow(/division by zero/);
      expect((await run(10, { types: TIMESTAMPTZ_AS_TEXT })).rows).toEqual([{ quotient: 1, divisor: 10, at: '2026-12-03 17:00:00+00', label: 'x' }]);
      expect((await run(2, { rowMode: 'array' })).rows).toEqual([[5, 2, new Date('2026-12-03T17:00:00Z'), 'x']]);
      expect((await run(1)).rows[0]).toEqual({ quotient: 10, divisor: 1, at: new Date('2026-12-03T17:00:00Z'), label: 'x' });
      expect(describes).toBe(1);
      // Statements without a name, and named ones that answer no columns, are described as before.
      await client.query({ text: 'SELECT $1::int AS one', values: [1] });
      await client.query({ text: 'SELECT $1::int AS one', values: [1] });
      for (let execution = 0; execution < 2; execution += 1) {
        expect((await client.query({ name: 'described-no-columns', text: `SET LOCAL application_name = 'x'` })).fields).toEqual([]);
      }
      expect(describes).toBe(5);
    } finally {
      client.release();
    }
  });
});
