import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withOwnerClient, withTransaction, type Database, type DbScope } from '../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { createSmallNetwork, type NetworkFixture } from '../../test/factories/entities.js';
import { TENANT_ROW_IN_SCOPE, TENANT_ROW_WRITABLE } from './tenant-policy.js';

describe('tenancy: closure table and row-level security', () => {
  let t: TestDatabase;
  let network: NetworkFixture;

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
    network = await createSmallNetwork(t.database);
    // A throwaway tenant table with the same policy every tenant table gets.
    await withOwnerClient(t.database, async (client) => {
      await client.query(`CREATE TABLE rls_probe (id serial PRIMARY KEY, entity_id uuid NOT NULL REFERENCES entities(id), label text)`);
      await client.query(`ALTER TABLE rls_probe ENABLE ROW LEVEL SECURITY`);
      await client.query(`CREATE POLICY rls_probe_tenant_isolation ON rls_probe TO maillage_app
        USING (${TENANT_ROW_IN_SCOPE}) WITH CHECK (${TENANT_ROW_WRITABLE})`);
      await client.query(`GRANT ALL ON rls_probe TO maillage_app; GRANT USAGE ON SEQUENCE rls_probe_id_seq TO maillage_app`);
      for (const code of ['FR', '69', '75', '2A']) {
        await client.query('INSERT INTO rls_probe (entity_id, label) VALUES ($1, $2)', [network.ids[code], code]);
      }
    });
  });
  afterAll(() => t.drop());

  const labelsSeenBy = (roots: string[]) =>
    withTransaction(t.database, { kind: 'entities', entityRoots: roots, userId: null }, async (tx) => {
      const { rows } = await tx.client.query<{ label: string }>('SELECT label FROM rls_probe ORDER BY label');
      return rows.map((row) => row.label);
    });

  it('keeps every ancestor/descendant pair in the closure table', async () => {
    const { rows } = await t.database.pool.query<{ code: string }>(
      `SELECT a.code FROM entity_tree_paths p JOIN entities a ON a.id = p.ancestor_id JOIN entities d ON d.id = p.descendant_id
       WHERE d.code = '69' ORDER BY p.depth`,
    );
    expect(rows.map((row) => row.code)).toEqual(['69', 'R84', 'FR']);
  });

  it('shows a branch scope only its own rows, even to an unscoped query', async () => {
    expect(await labelsSeenBy([network.ids['69']!])).toEqual(['69']);
    expect(await labelsSeenBy([network.ids['R84']!])).toEqual(['69']);
    expect(await labelsSeenBy([network.ids['69']!, network.ids['75']!])).toEqual(['69', '75']);
  });

  it('shows the national scope every row, and an empty scope none', async () => {
    expect(await labelsSeenBy([network.ids['FR']!])).toEqual(['2A', '69', '75', 'FR']);
    expect(await labelsSeenBy([])).toEqual([]);
  });

  it('shows the network scope the network-wide tables, as the application role, and no tenant row', async () => {
    const seen = await withTransaction(
      t.database,
      { kind: 'network' },
      async (tx) => {
        const tenant = await tx.client.query<{ label: string }>('SELECT label FROM rls_probe');
        const tree = await tx.client.query<{ role: string; entities: number }>('SELECT current_user AS role, count(*)::int AS entities FROM entities');
        return { tenantRows: tenant.rows.length, ...tree.rows[0] };
      },
      { readOnly: true },
    );
    expect(seen).toEqual({ tenantRows: 0, role: 'maillage_app', entities: Object.keys(network.ids).length });
  });

  it('refuses a write under the network scope: a write runs under the scope of who acts', async () => {
    await expect(
      withTransaction(t.database, { kind: 'network' }, (tx) => tx.client.query('INSERT INTO rls_probe (entity_id, label) VALUES ($1, $2)', [network.ids['75'], 'x'])),
    ).rejects.toThrow(/network scope is for reads/);
  });

  it('refuses to write a row outside the scope', async () => {
    await expect(
      withTransaction(t.database, { kind: 'entities', entityRoots: [network.ids['69']!], userId: null }, (tx) =>
        tx.client.query('INSERT INTO rls_probe (entity_id, label) VALUES ($1, $2)', [network.ids['75'], 'intrusion']),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows each read its own caller\'s rows when callers take turns on one connection, whose session keeps the last reader\'s scope', async () => {
    // One connection (PGlite has only one), so that every read meets the session the previous one left (ADR 0036).
    const single: Database = t.url ? await openDatabase({ databaseUrl: t.url, dataDir: '', databasePoolSize: 1 }) : t.database;
    const branch = (code: string): DbScope => ({ kind: 'entities', entityRoots: [network.ids[code]!], userId: null });
    const labels = (database: Database, scope: DbScope, readOnly: boolean) =>
      withTransaction(database, scope, async (tx) => (await tx.client.query<{ label: string }>('SELECT label FROM rls_probe ORDER BY label')).rows.map((row) => row.label), { readOnly });
    const read = (scope: DbScope) => labels(single, scope, true);
    try {
      expect(await read(branch('FR'))).toEqual(['2A', '69', '75', 'FR']);
      expect(await read(branch('69'))).toEqual(['69']);
      expect(await read(branch('69'))).toEqual(['69']);
      expect(await read({ kind: 'system' })).toEqual(['2A', '69', '75', 'FR']);
      // A write under a branch's scope after a system read: the session's system setting must not apply.
      expect(await labels(single, branch('75'), false)).toEqual(['75']);
      await expect(
        withTransaction(single, branch('75'), (tx) => tx.client.query('INSERT INTO rls_probe (entity_id, label) VALUES ($1, $2)', [network.ids['69'], 'intrusion'])),
      ).rejects.toThrow(/row-level security/);
      expect(await read({ kind: 'system' })).toEqual(['2A', '69', '75', 'FR']);
      expect(await read({ kind: 'network' })).toEqual([]);
      // A read that fails under a new scope, then reads under the old and the new one.
      await expect(withTransaction(single, branch('2A'), (tx) => tx.client.query('SELECT 1/0 FROM rls_probe'), { readOnly: true })).rejects.toThrow(/division by zero/);
      expect(await read(branch('2A'))).toEqual(['2A']);
      await expect(withTransaction(single, branch('75'), (tx) => tx.client.query('SELECT 1/0 FROM rls_probe'), { readOnly: true })).rejects.toThrow(/division by zero/);
      expect(await read(branch('2A'))).toEqual(['2A']);
      expect(await read(branch('75'))).toEqual(['75']);
    } finally {
      if (single !== t.database) await single.close();
    }
  });

  it('gives every row-secured table with an entity column the same tenant check', async () => {
    // A policy written by hand with another condition would escape the checks above. Tables without
    // RLS (reference data such as mandate bodies) are shared network-wide on purpose.
    const { rows } = await t.database.pool.query<{ table: string; policies: string[]; checks: string[] }>(
      `SELECT c.relname AS table, array_agg(pg_get_expr(p.polqual, p.polrelid)) AS policies,
         array_agg(pg_get_expr(p.polwithcheck, p.polrelid)) AS checks
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'entity_id' AND NOT a.attisdropped
       LEFT JOIN pg_policy p ON p.polrelid = c.oid
       WHERE c.relkind = 'r' AND c.relrowsecurity AND c.relnamespace = 'public'::regnamespace AND c.relname <> 'rls_probe'
       GROUP BY c.relname`,
    );
    expect(rows.length).toBeGreaterThan(40);
    const unscoped = rows.filter((row) => !row.policies.some((policy) => policy?.includes('scope_path.descendant_id = ') && policy.includes('app_scope_roots()')));
    expect(unscoped.map((row) => row.table)).toEqual([]);
    const unchecked = rows.filter((row) => !row.checks.some((check) => check?.includes('scope_path.ancestor_id = ANY (app_scope_roots())')));
    expect(unchecked.map((row) => row.table)).toEqual([]);
  });

  it.runIf(process.env.DATABASE_URL)('opens sessions without JIT compilation, which the policies\' cost estimate would trigger on large scans (PostgreSQL)', async () => {
    const { rows } = await t.database.pool.query<{ jit: string }>('SHOW jit');
    expect(rows[0]!.jit).toBe('off');
  });

  it('moves a subtree and refuses a cycle', async () => {
    await withOwnerClient(t.database, (client) => client.query('UPDATE entities SET parent_id = $1 WHERE code = $2', [network.ids['R11'], '69']));
    expect(await labelsSeenBy([network.ids['R11']!])).toEqual(['69', '75']);
    await expect(
      withOwnerClient(t.database, (client) => client.query('UPDATE entities SET parent_id = $1 WHERE code = $2', [network.ids['69'], 'R11'])),
    ).rejects.toThrow(/cannot be moved under itself/);
    await withOwnerClient(t.database, (client) => client.query('UPDATE entities SET parent_id = $1 WHERE code = $2', [network.ids['R84'], '69']));
  });
});
