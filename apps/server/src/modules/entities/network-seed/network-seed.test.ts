import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { networkExists, seedNetwork } from './network-seed.js';

describe('network seed', () => {
  let t: TestDatabase;
  const query = async <T extends object>(sql: string, params: unknown[] = []) => (await t.database.pool.query<T>(sql, params)).rows;

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
  });
  afterAll(() => t.drop());

  it('creates the national office, the 18 régions and the 101 départements from INSEE data, plus federations', async () => {
    expect(await networkExists(t.database)).toBe(false);
    const result = await seedNetwork(t.database);
    expect(result.created).toBe(result.expected);
    expect(await networkExists(t.database)).toBe(true);

    const counts = await query<{ kind: string; n: number }>('SELECT kind, count(*)::int AS n FROM entities GROUP BY kind ORDER BY kind');
    expect(Object.fromEntries(counts.map((row) => [row.kind, row.n]))).toEqual({ national: 1, region: 18, departement: 101, federation: 5 });

    const codes = (await query<{ code: string }>(`SELECT code FROM entities WHERE kind = 'departement'`)).map((row) => row.code);
    expect(codes).toEqual(expect.arrayContaining(['01', '2A', '2B', '95', '971', '972', '973', '974', '976']));
    expect(codes).not.toContain('20');
    expect(codes).not.toContain('975');
    expect(codes).not.toContain('977');
  });

  it('names the unions in French and attaches each département to its région', async () => {
    const rows = await query<{ code: string; name: string; parent: string; insee: string }>(
      `SELECT e.code, e.name, p.code AS parent, e.insee_code AS insee FROM entities e JOIN entities p ON p.id = e.parent_id
       WHERE e.code IN ('69', '75', '01', '2A', '974', 'R84') ORDER BY e.code`,
    );
    expect(rows).toEqual([
      { code: '01', name: "Union territoriale de l'Ain", parent: 'R84', insee: '01' },
      { code: '2A', name: 'Union territoriale de la Corse-du-Sud', parent: 'R94', insee: '2A' },
      { code: '69', name: 'Union territoriale du Rhône', parent: 'R84', insee: '69' },
      { code: '75', name: 'Union territoriale de Paris', parent: 'R11', insee: '75' },
      { code: '974', name: 'Union territoriale de La Réunion', parent: 'R04', insee: '974' },
      { code: 'R84', name: "Union régionale d'Auvergne-Rhône-Alpes", parent: 'FR', insee: '84' },
    ]);
    const [national] = await query<{ siren: string; city: string }>(`SELECT siren, city FROM entities WHERE code = 'FR'`);
    expect(national).toEqual({ siren: '784512303', city: 'Paris' });
  });

  it('keeps the closure table complete: every département has the national office as ancestor at depth 2', async () => {
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entity_tree_paths p JOIN entities a ON a.id = p.ancestor_id JOIN entities d ON d.id = p.descendant_id
       WHERE a.code = 'FR' AND d.kind = 'departement' AND p.depth = 2`,
    );
    expect(row!.n).toBe(101);
  });

  it('leaves the closure table vacuumed and analysed, so that tenant policies probe it from the index alone', async () => {
    const [stats] = await query<{ pages: number; visible: number }>(`SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE relname = 'entity_tree_paths'`);
    expect(stats!.pages).toBeGreaterThan(0);
    expect(stats!.visible).toBe(stats!.pages);
  });

  it('is idempotent and never overwrites edits made since', async () => {
    await t.database.pool.query(`UPDATE entities SET name = 'Union du Rhône (renommée)' WHERE code = '69'`);
    await t.database.pool.query(`DELETE FROM entities WHERE code = 'FED-PL'`);
    const before = await query<{ id: string; code: string }>('SELECT id, code FROM entities ORDER BY code');

    const again = await seedNetwork(t.database);
    expect(again.created).toBe(1);
    const after = await query<{ id: string; code: string }>('SELECT id, code FROM entities ORDER BY code');
    expect(after.filter((row) => row.code !== 'FED-PL')).toEqual(before);
    const [rhone] = await query<{ name: string }>(`SELECT name FROM entities WHERE code = '69'`);
    expect(rhone!.name).toBe('Union du Rhône (renommée)');

    expect((await seedNetwork(t.database)).created).toBe(0);
  });
});
