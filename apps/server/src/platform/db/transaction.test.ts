import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { newId } from './ids.js';
import { openDatabase } from './database.js';
import { PREPARE_AFTER } from './statement-names.js';
import { TIMESTAMPTZ_AS_TEXT } from './timestamps.js';
import { withTransaction, type DbScope } from './transaction.js';

type Message = 'sync' | 'query' | 'execute';

/** Counts the messages node-postgres writes: each Sync or simple Query ends one round trip. */
function countMessages(messages: readonly Message[]): { stop(): number } {
  const prototype = (pg as unknown as { Connection: { prototype: Record<Message, (...args: unknown[]) => unknown> } }).Connection.prototype;
  const originals = messages.map((message) => [message, prototype[message]] as const);
  let count = 0;
  for (const [message, original] of originals) {
    prototype[message] = function (this: unknown, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    };
  }
  return {
    stop() {
      for (const [message, original] of originals) prototype[message] = original;
      return count;
    },
  };
}

const countRoundTrips = () => countMessages(['sync', 'query']);

describe('withTransaction: the transaction opens with its first query', () => {
  let t: TestDatabase;
  const userId = newId();
  const root = newId();
  const scope: DbScope = { kind: 'entities', entityRoots: [root], userId };

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
  });
  afterAll(() => t.drop());

  it('runs the first query as the application role with the scope set', async () => {
    const row = await withTransaction(t.database, scope, async (tx) => {
      const { rows } = await tx.client.query<{ role: string; roots: string; user: string; readOnly: string }>(
        `SELECT current_user AS role, current_setting('app.scope_roots') AS roots, current_setting('app.user_id') AS "user",
                current_setting('transaction_read_only') AS "readOnly" WHERE $1::int = 1`,
        [1],
      );
      return rows[0];
    }, { readOnly: true });
    expect(row).toEqual({ role: 'maillage_app', roots: root, user: userId, readOnly: 'on' });
  });

  it('keeps queries issued together in order, inside the same transaction', async () => {
    const [first, second] = await withTransaction(t.database, scope, (tx) =>
      Promise.all([
        tx.client.query<{ id: string }>('SELECT txid_current()::text AS id'),
        tx.client.query<{ id: string; role: string }>('SELECT txid_current()::text AS id, current_user AS role'),
      ]),
    );
    expect(second.rows[0]).toEqual({ id: first.rows[0]!.id, role: 'maillage_app' });
  });

  it('reports the first query’s error and leaves the connection usable', async () => {
    await expect(withTransaction(t.database, scope, (tx) => tx.client.query('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
    const role = await withTransaction(t.database, scope, async (tx) => (await tx.client.query<{ role: string }>('SELECT current_user AS role')).rows[0]?.role);
    expect(role).toBe('maillage_app');
  });

  it('rolls back writes when the work fails after its queries', async () => {
    const name = `probe_${Date.now()}`;
    await expect(
      withTransaction(t.database, { kind: 'system' }, async (tx) => {
        await tx.client.query(`CREATE TEMP TABLE ${name} (id int)`);
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    const exists = await withTransaction(t.database, { kind: 'system' }, async (tx) => (await tx.client.query(`SELECT to_regclass($1) AS found`, [name])).rows[0]);
    expect(exists).toEqual({ found: null });
  });

  it('recovers the prepared opening after failures on the same connections', async () => {
    // More failing transactions than pooled connections, each followed by a working one.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(withTransaction(t.database, scope, (tx) => tx.client.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
      const roots = await withTransaction(t.database, scope, async (tx) => (await tx.client.query<{ roots: string }>(`SELECT current_setting('app.scope_roots') AS roots`)).rows[0]?.roots);
      expect(roots).toBe(root);
    }
  });

  it('runs a named (prepared) query in read-only transactions, also after it failed on the same connections', async () => {
    const probe = (divisor: number) =>
      withTransaction(
        t.database,
        scope,
        async (tx) => (await tx.client.query<{ roots: string; share: number }>({ name: 'probe_named', text: `SELECT current_setting('app.scope_roots') AS roots, 6 / $1::int AS share`, values: [divisor] })).rows[0],
        { readOnly: true },
      );
    // More attempts than pooled connections: each connection prepares it, fails with it, then runs it again.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(probe(attempt + 1)).resolves.toEqual({ roots: root, share: Math.floor(6 / (attempt + 1)) });
      await expect(probe(0)).rejects.toThrow(/division by zero/);
    }
    await expect(probe(2)).resolves.toEqual({ roots: root, share: 3 });
    // A statement that fails to parse is parsed again next time (not reported as a missing prepared statement).
    const broken = () => withTransaction(t.database, scope, (tx) => tx.client.query({ name: 'probe_broken', text: 'SELECT * FROM no_such_table_named' }), { readOnly: true });
    for (let attempt = 0; attempt < 3; attempt += 1) await expect(broken()).rejects.toThrow(/no_such_table_named/);
  });

  it.runIf(process.env.DATABASE_URL)('prepares a frequent parameterised statement on each connection, in reads and writes, and recovers it after failures', async () => {
    const text = `SELECT 12 / $1::int AS share, current_setting('app.scope_roots') AS roots /* ${newId()} */`;
    const run = (divisor: number, readOnly: boolean) =>
      withTransaction(t.database, scope, async (tx) => {
        const { rows } = await tx.client.query<{ share: number; roots: string }>(text, [divisor]);
        const prepared = await tx.client.query<{ name: string }>('SELECT name FROM pg_prepared_statements WHERE statement = $1', [text]);
        return { ...rows[0], prepared: prepared.rows.map((row) => row.name) };
      }, { readOnly });
    expect((await run(1, true)).prepared).toEqual([]);
    // Enough uses for a name, then more than pooled connections: each prepares it once, in both modes.
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const result = await run(attempt % 4 + 1, attempt % 2 === 0);
      expect(result).toMatchObject({ share: 12 / (attempt % 4 + 1), roots: root });
      if (attempt >= PREPARE_AFTER) expect(result.prepared).toEqual([expect.stringMatching(/^maillage_auto_\d+$/)]);
    }
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await expect(run(0, attempt % 2 === 0)).rejects.toThrow(/division by zero/);
      await expect(run(3, attempt % 2 === 1)).resolves.toMatchObject({ share: 4, roots: root });
    }
  });

  it('opens nothing when the work never queries', async () => {
    await expect(withTransaction(t.database, scope, async () => 'nothing to do')).resolves.toBe('nothing to do');
  });

  it('gives every query of a read-only transaction the scope, and refuses writes in it', async () => {
    const seen = await withTransaction(
      t.database,
      scope,
      async (tx) => {
        const first = await tx.client.query<{ roots: string }>(`SELECT current_setting('app.scope_roots') AS roots`);
        const second = await tx.client.query<{ role: string }>('SELECT current_user AS role WHERE $1::int = 1', [1]);
        return [first.rows[0]?.roots, second.rows[0]?.role];
      },
      { readOnly: true },
    );
    expect(seen).toEqual([root, 'maillage_app']);
    await expect(
      withTransaction(t.database, scope, (tx) => tx.client.query(`CREATE TEMP TABLE read_only_probe (id int)`), { readOnly: true }),
    ).rejects.toThrow(/read-only transaction/);
  });

  it.runIf(process.env.DATABASE_URL)('costs one round trip for a one-query read on PostgreSQL, like a bare query', async () => {
    // Warm the pool so that connecting is not counted.
    await withTransaction(t.database, scope, (tx) => tx.client.query('SELECT 1'), { readOnly: true });
    const counter = countRoundTrips();
    await withTransaction(t.database, scope, (tx) => tx.client.query('SELECT $1::int AS one', [1]), { readOnly: true });
    expect(counter.stop()).toBe(1);
  });

  it.runIf(process.env.DATABASE_URL)('sends a read of network-wide data as the query alone on PostgreSQL: no scope statement', async () => {
    const network: DbScope = { kind: 'network' };
    await withTransaction(t.database, network, (tx) => tx.client.query('SELECT 1'), { readOnly: true });
    const trips = countRoundTrips();
    const statements = countMessages(['execute']);
    const role = await withTransaction(t.database, network, (tx) => tx.client.query<{ role: string }>('SELECT current_user AS role WHERE $1::int = 1', [1]), { readOnly: true });
    expect([trips.stop(), statements.stop(), role.rows[0]?.role]).toEqual([1, 1, 'maillage_app']);
  });

  it.runIf(process.env.DATABASE_URL)('sends a caller\'s next read on a connection as the query alone, and another caller\'s with its own scope first', async () => {
    // One connection, so that every read meets the session the previous one left (ADR 0036).
    const single = await openDatabase({ databaseUrl: t.url, dataDir: '', databasePoolSize: 1 });
    const settings = `SELECT coalesce(current_setting('app.scope_roots', true), '') AS roots, coalesce(current_setting('app.user_id', true), '') AS "user",
      coalesce(current_setting('app.scope_system', true), '') AS system, current_setting('transaction_read_only') AS "readOnly" WHERE $1::int = 1`;
    const other: DbScope = { kind: 'entities', entityRoots: [newId(), newId()], userId: newId() };
    const statementsOf = async (readScope: DbScope, readOnly = true) => {
      const statements = countMessages(['execute']);
      const seen = await withTransaction(single, readScope, async (tx) => (await tx.client.query(settings, [1])).rows[0], { readOnly });
      return { seen, statements: statements.stop() };
    };
    const own = { roots: root, user: userId, system: '', readOnly: 'on' };
    try {
      expect(await statementsOf({ kind: 'network' })).toEqual({ seen: { roots: '', user: '', system: '', readOnly: 'on' }, statements: 1 });
      expect(await statementsOf(scope)).toEqual({ seen: own, statements: 2 });
      expect(await statementsOf(scope)).toEqual({ seen: own, statements: 1 });
      expect(await statementsOf(other)).toEqual({ seen: { roots: other.entityRoots.join(','), user: other.userId, system: '', readOnly: 'on' }, statements: 2 });
      expect(await statementsOf({ kind: 'system' })).toEqual({ seen: { roots: '', user: '', system: 'on', readOnly: 'on' }, statements: 2 });
      // A write sets its own scope over the session's, read-write (BEGIN, scope, query), and leaves the session's to the next read.
      expect(await statementsOf(scope, false)).toEqual({ seen: { ...own, readOnly: 'off' }, statements: 3 });
      expect(await statementsOf({ kind: 'system' })).toEqual({ seen: { roots: '', user: '', system: 'on', readOnly: 'on' }, statements: 1 });
      expect(await statementsOf({ kind: 'network' })).toEqual({ seen: { roots: '', user: '', system: '', readOnly: 'on' }, statements: 2 });
    } finally {
      await single.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('runs the queries a read sends at once each with the scope, and refuses what needs a held connection', async () => {
    const network: DbScope = { kind: 'network' };
    const read = (readScope: DbScope) =>
      withTransaction(t.database, readScope, async (tx) => {
        const ask = (n: number) => tx.client.query<{ n: number; roots: string | null }>(`SELECT $1::int AS n, current_setting('app.scope_roots', true) AS roots`, [n]);
        const answers = await Promise.all([ask(1), ask(2), ask(3)]);
        return answers.map(({ rows }) => [rows[0]?.n, rows[0]?.roots || null]);
      }, { readOnly: true });
    for (let use = 0; use < PREPARE_AFTER + 2; use += 1) {
      expect(await read(scope)).toEqual([[1, root], [2, root], [3, root]]);
      expect(await read(network)).toEqual([[1, null], [2, null], [3, null]]);
    }
    for (const readScope of [scope, network]) {
      await expect(withTransaction(t.database, readScope, async (tx) => void tx.client.query('SELECT 1', () => undefined), { readOnly: true })).rejects.toThrow(
        /read-only transaction sends plain queries only/,
      );
    }
  });

  it.runIf(process.env.DATABASE_URL)('keeps each caller’s result options on a prepared statement: Date or text, objects or arrays', async () => {
    const text = `SELECT $1::timestamptz AS at /* ${newId()} */`;
    const at = '2026-12-02T12:00:00.000Z';
    const read = (options: Partial<pg.QueryConfig> & { rowMode?: 'array' }) =>
      withTransaction(t.database, scope, async (tx) => (await tx.client.query(Object.assign({ text, values: [at] }, options) as pg.QueryConfig)).rows[0] as unknown, { readOnly: true });
    for (let use = 0; use < PREPARE_AFTER + 2; use += 1) {
      expect(await read({})).toEqual({ at: new Date(at) });
      const asText = (await read({ types: TIMESTAMPTZ_AS_TEXT as pg.CustomTypesConfig })) as { at: unknown };
      expect([typeof asText.at, new Date(String(asText.at)).toISOString()]).toEqual(['string', at]);
      expect(await read({ rowMode: 'array' })).toEqual([new Date(at)]);
    }
  });

  it.runIf(process.env.DATABASE_URL)('costs two round trips for a one-query write: BEGIN, scope and query together, then COMMIT', async () => {
    await withTransaction(t.database, scope, (tx) => tx.client.query('SELECT 1'));
    const counter = countRoundTrips();
    await withTransaction(t.database, scope, (tx) => tx.client.query('SELECT $1::int AS one', [1]));
    expect(counter.stop()).toBe(2);
  });
});
