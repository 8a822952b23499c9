import type pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './database.js';

/** The role application queries run as, so that row-level security applies (the owner bypasses it). */
export const APP_ROLE = 'maillage_app';

/**
 * What the database may show a transaction: the roots of the entity subtrees the caller may act on
 * (RLS expands them to descendants) and who acts, for audit columns.
 * `system` is for jobs and maintenance acting for the whole network.
 */
export type DbScope =
  | { kind: 'entities'; entityRoots: readonly string[]; userId: string | null }
  | { kind: 'system' };

export interface Tx {
  client: pg.PoolClient;
  db: NodePgDatabase;
  scope: DbScope;
  /** Callbacks run after COMMIT (cache invalidation, notifications); skipped on rollback. */
  afterCommit(callback: () => void): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One round trip opens the transaction, switches to the application role and sets the scope:
 * the values are inlined (a simple-protocol multi-statement), which is safe because every
 * value is checked to be a UUID first.
 */
export function scopePreamble(scope: DbScope, readOnly: boolean): string {
  const begin = readOnly ? 'BEGIN READ ONLY' : 'BEGIN';
  if (scope.kind === 'system') {
    return `${begin}; SET LOCAL ROLE ${APP_ROLE}; SET LOCAL app.scope_system = 'on'`;
  }
  const ids = [...scope.entityRoots, ...(scope.userId ? [scope.userId] : [])];
  for (const id of ids) {
    if (!UUID.test(id)) throw new Error(`Refusing a scope with a malformed id: ${id}`);
  }
  return [
    begin,
    `SET LOCAL ROLE ${APP_ROLE}`,
    `SET LOCAL app.scope_roots = '${scope.entityRoots.join(',')}'`,
    `SET LOCAL app.user_id = '${scope.userId ?? ''}'`,
  ].join('; ');
}

export async function withTransaction<T>(
  database: Database,
  scope: DbScope,
  work: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const client = await database.pool.connect();
  const callbacks: Array<() => void> = [];
  let released = false;
  try {
    await client.query(scopePreamble(scope, options.readOnly ?? false));
    const tx: Tx = { client, db: drizzle(client), scope, afterCommit: (cb) => callbacks.push(cb) };
    const result = await work(tx);
    await client.query('COMMIT');
    for (const callback of callbacks) callback();
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is broken: do not return it to the pool.
      client.release(rollbackError as Error);
      released = true;
    }
    throw error;
  } finally {
    if (!released) client.release();
  }
}

/** Runs as the database owner, outside row-level security: migrations, seeds, maintenance commands only. */
export async function withOwnerClient<T>(database: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}
