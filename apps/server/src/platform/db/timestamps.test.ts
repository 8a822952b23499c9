import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { isoTimestamp, TIMESTAMPTZ_AS_TEXT } from './timestamps.js';

/** What every reader of a timestamp wrote before: a Date of PostgreSQL's text, then its ISO form. */
const throughDate = (text: string) => new Date(text).toISOString();

describe('isoTimestamp: the API form of a timestamptz read as text', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
  }, 120_000);
  afterAll(() => t.drop());

  it('writes what Date#toISOString writes, for the values and offsets PostgreSQL sends', async () => {
    const values = [
      '2026-12-02 07:54:12.345678+00',
      '2026-12-02 07:54:12.9999996+00',
      '2026-12-02 07:54:12.5+00',
      '2026-12-02 07:54:12+00',
      '2024-02-29 23:59:59.999+00',
      '2026-03-29 01:30:00.123+00',
    ];
    // Date cannot read these in every zone (a local-mean-time offset with seconds; year 10000 in JSON's form).
    const utcOnly = ['0999-01-01 00:00:00.04+00', '9999-12-31 23:59:59.999999+00'];
    // Read back under UTC (the rewritten form), under another zone (Date parses it) and as JSON.
    const client = await t.database.pool.connect();
    const read = async (zone: string, texts: string[]) => {
      await client.query(`SET TimeZone = '${zone}'`);
      const { rows } = await client.query<{ value: string; json: { value: string } }>({
        text: `SELECT v::timestamptz AS value, json_build_object('value', v::timestamptz) AS json FROM unnest($1::text[]) AS v`,
        values: [texts],
        types: TIMESTAMPTZ_AS_TEXT,
      });
      return rows;
    };
    let rows: Awaited<ReturnType<typeof read>>;
    try {
      rows = [...(await read('UTC', [...values, ...utcOnly])), ...(await read('Europe/Paris', values)), ...(await read('America/St_Johns', values))];
    } finally {
      await client.query('RESET TimeZone');
      client.release();
    }
    expect(rows).toHaveLength(values.length * 3 + utcOnly.length);
    expect(typeof rows[0]!.value).toBe('string');
    for (const { value, json } of rows) {
      expect(isoTimestamp(value)).toBe(throughDate(value));
      expect(isoTimestamp(json.value)).toBe(throughDate(json.value));
    }
    expect(isoTimestamp('2026-12-02 07:54:12.345678+00')).toBe('2026-12-02T07:54:12.345Z');
    expect(isoTimestamp('2026-12-02T08:54:12.3+01:00')).toBe('2026-12-02T07:54:12.300Z');
  });

  it('takes a Date too (a query that left node-postgres parse it)', () => {
    expect(isoTimestamp(new Date(Date.UTC(2026, 11, 2, 7, 54, 12, 345)))).toBe('2026-12-02T07:54:12.345Z');
  });

  it('goes through Date for what it does not recognise, failing as Date fails', () => {
    expect(isoTimestamp('2026-12-02 07:54:12.3-03:30')).toBe('2026-12-02T11:24:12.300Z');
    expect(() => isoTimestamp('2026-12-02 07:54:12.+00')).toThrow(RangeError);
    expect(() => isoTimestamp('infinity')).toThrow(RangeError);
  });
});
