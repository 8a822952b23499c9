import type { Database } from '../../platform/db/index.js';
import { newId, withOwnerClient } from '../../platform/db/index.js';

export interface NetworkFixture {
  /** Entity id by code: national `FR`, regions `R84` (Auvergne-Rhône-Alpes) and `R11` (Île-de-France), départements `69`, `75`, `2A`. */
  ids: Record<string, string>;
}

const SMALL_NETWORK = [
  { code: 'FR', kind: 'national', name: 'Confédération nationale', parent: null },
  { code: 'R84', kind: 'region', name: 'Auvergne-Rhône-Alpes', parent: 'FR' },
  { code: 'R11', kind: 'region', name: 'Île-de-France', parent: 'FR' },
  { code: 'R94', kind: 'region', name: 'Corse', parent: 'FR' },
  { code: '69', kind: 'departement', name: 'Union territoriale du Rhône', parent: 'R84' },
  { code: '75', kind: 'departement', name: 'Union territoriale de Paris', parent: 'R11' },
  { code: '2A', kind: 'departement', name: 'Union territoriale de Corse-du-Sud', parent: 'R94' },
] as const;

/** A small network tree for tests that do not need the full seeded one. */
export async function createSmallNetwork(database: Database): Promise<NetworkFixture> {
  const ids: Record<string, string> = {};
  await withOwnerClient(database, async (client) => {
    for (const entity of SMALL_NETWORK) {
      ids[entity.code] = newId();
      await client.query('INSERT INTO entities (id, kind, code, name, parent_id) VALUES ($1, $2, $3, $4, $5)', [
        ids[entity.code],
        entity.kind,
        entity.code,
        entity.name,
        entity.parent ? ids[entity.parent] : null,
      ]);
    }
  });
  return { ids };
}
