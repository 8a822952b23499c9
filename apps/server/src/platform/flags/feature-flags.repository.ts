import type pg from 'pg';
import { withTransaction, type Database, type Tx } from '../db/index.js';
import type { FeatureFlag } from './flag-evaluation.js';

const COLUMNS = `key, description, kind, variants, default_variant AS "defaultVariant", rules, enabled, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface FlagsSnapshotRows {
  flags: FeatureFlag[];
  /** For every entity under an entity named by a rule: those named entities covering it (itself included). */
  coveringRoots: Map<string, Set<string>>;
}

/**
 * Every flag, and the subtrees of the entities their rules name (from the closure table), read by
 * the provider in the background, never while a caller holds a transaction.
 */
export async function loadFlagsSnapshot(database: Database): Promise<FlagsSnapshotRows> {
  return withTransaction(
    database,
    { kind: 'system' },
    async (tx) => {
      const flags = await listFlags(tx);
      const roots = [...new Set(flags.flatMap((flag) => flag.rules.flatMap((rule) => rule.entityIds ?? [])))];
      const coveringRoots = new Map<string, Set<string>>();
      if (roots.length > 0) {
        const { rows } = await tx.client.query<{ root: string; entity: string }>(
          'SELECT ancestor_id AS root, descendant_id AS entity FROM entity_tree_paths WHERE ancestor_id = ANY($1::uuid[])',
          [roots],
        );
        for (const { root, entity } of rows) {
          const set = coveringRoots.get(entity);
          if (set) set.add(root);
          else coveringRoots.set(entity, new Set([root]));
        }
      }
      return { flags, coveringRoots };
    },
    { readOnly: true },
  );
}

/** The ids among `ids` that name no entity. */
export async function unknownEntityIds(tx: Tx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.client.query<{ id: string }>('SELECT id FROM entities WHERE id = ANY($1::uuid[])', [ids]);
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export async function listFlags(tx: Tx): Promise<FeatureFlag[]> {
  const { rows } = await tx.client.query<FeatureFlag>(`SELECT ${COLUMNS} FROM feature_flags ORDER BY key`);
  return rows;
}

export async function findFlag(tx: Tx, key: string): Promise<FeatureFlag | null> {
  const { rows } = await tx.client.query<FeatureFlag>(`SELECT ${COLUMNS} FROM feature_flags WHERE key = $1`, [key]);
  return rows[0] ?? null;
}

export type FlagFields = Pick<FeatureFlag, 'key' | 'description' | 'kind' | 'variants' | 'defaultVariant' | 'rules' | 'enabled'>;

/** Null when the key is taken. */
export async function insertFlag(tx: Tx, flag: FlagFields, userId: string | null): Promise<FeatureFlag | null> {
  const { rows } = await tx.client.query<FeatureFlag>(
    `INSERT INTO feature_flags (key, description, kind, variants, default_variant, rules, enabled, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (key) DO NOTHING
     RETURNING ${COLUMNS}`,
    [flag.key, flag.description, flag.kind, JSON.stringify(flag.variants), flag.defaultVariant, JSON.stringify(flag.rules), flag.enabled, userId],
  );
  return rows[0] ?? null;
}

/** Compare-and-set on the version read by the client: null when another change came first. */
export async function updateFlag(tx: Tx, flag: FlagFields, expectedVersion: number, userId: string | null): Promise<FeatureFlag | null> {
  const { rows } = await tx.client.query<FeatureFlag>(
    `UPDATE feature_flags
     SET description = $2, variants = $3, default_variant = $4, rules = $5, enabled = $6, updated_by = $7,
         version = version + 1, updated_at = now()
     WHERE key = $1 AND version = $8
     RETURNING ${COLUMNS}`,
    [flag.key, flag.description, JSON.stringify(flag.variants), flag.defaultVariant, JSON.stringify(flag.rules), flag.enabled, userId, expectedVersion],
  );
  return rows[0] ?? null;
}

/** The role codes a user holds on an entity or one of its ancestors (grants are inherited downwards). */
export async function roleCodesAt(client: pg.ClientBase, userId: string, entityId: string): Promise<string[]> {
  const { rows } = await client.query<{ code: string }>(
    `SELECT DISTINCT r.code FROM grants g
     JOIN roles r ON r.id = g.role_id
     JOIN entity_tree_paths p ON p.ancestor_id = g.entity_id
     WHERE g.user_id = $1 AND p.descendant_id = $2
     ORDER BY r.code`,
    [userId, entityId],
  );
  return rows.map((row) => row.code);
}
