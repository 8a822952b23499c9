import type pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { APP_ROLE, type Database } from './database.js';
import { autoPreparedCall, statementNamesOf } from './statement-names.js';
import { isPlainPromiseCall, queryWithPreamble, TransactionOpening, type Opening } from './transaction-opening.js';

export { APP_ROLE };

/**
 * What the database may show a transaction: the roots of the entity subtrees the caller may act on
 * (RLS expands them to descendants) and who acts, for audit columns.
 * `system` is for jobs and maintenance acting for the whole network.
 * `network` is for reads of network-wide reference data (tables without row-level security, such
 * as the entity tree): no scope is set, so a tenant table read by mistake shows no rows (ADR 0034).
 */
export type DbScope =
  | { kind: 'entities'; entityRoots: readonly string[]; userId: string | null }
  | { kind: 'system' }
  | { kind: 'network' };

export interface Tx {
  /**
   * In a writing transaction, queries issued together (without awaiting each other) run in order on
   * its connection: node-postgres queues them (a read-only one on PostgreSQL may spread them over
   * connections, ADR 0034). pg 8 deprecates that queue and pg 9 drops it: before upgrading, this
   * client must chain its queries itself (or use pg's pipeline mode).
   */
  client: pg.PoolClient;
  db: NodePgDatabase;
  scope: DbScope;
  /** Callbacks run after COMMIT (cache invalidation, notifications); skipped on rollback. */
  afterCommit(callback: () => void): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statements that open a transaction, switch to the application role and set the scope, for
 * the simple protocol (PGlite, the credential lookup). The values are inlined, which is safe
 * because every value is checked to be a UUID first.
 */
export function scopeStatements(scope: DbScope, readOnly: boolean): string[] {
  const begin = readOnly ? 'BEGIN READ ONLY' : 'BEGIN';
  if (scope.kind === 'network') return [begin, `SET LOCAL ROLE ${APP_ROLE}`];
  if (scope.kind === 'system') {
    return [begin, `SET LOCAL ROLE ${APP_ROLE}`, `SET LOCAL app.scope_system = 'on'`];
  }
  const ids = [...scope.entityRoots, ...(scope.userId ? [scope.userId] : [])];
  for (const id of ids) {
    if (!UUID.test(id)) throw new Error(`Refusing a scope with a malformed id: ${id}`);
  }
  return [begin, `SET LOCAL ROLE ${APP_ROLE}`, `SET LOCAL app.scope_roots = '${scope.entityRoots.join(',')}'`, `SET LOCAL app.user_id = '${scope.userId ?? ''}'`];
}

/** The same statements as one simple-protocol string. */
export function scopePreamble(scope: DbScope, readOnly: boolean): string {
  return scopeStatements(scope, readOnly).join('; ');
}

/** Sent by writing transactions only: on PostgreSQL reads run query by query, without BEGIN. */
const BEGIN = { name: 'maillage_begin', text: 'BEGIN', values: [] };

/** The opening as named statements with parameters: `SET LOCAL x` is `set_config(x, …, true)`. */
function openingOf(scope: DbScope, readOnly: boolean): Opening {
  const simple = scopePreamble(scope, readOnly);
  // Turning read-only on is allowed at any point of a transaction (only the reverse is not).
  const readOnlyConfig = readOnly ? `, set_config('transaction_read_only', 'on', true)` : '';
  const suffix = readOnly ? '_read_only' : '';
  // The application pool's sessions are in the application role already, and there is no scope to set.
  if (scope.kind === 'network') return { simple, begin: BEGIN, scope: null };
  if (scope.kind === 'system') {
    const text = `SELECT set_config('role', $1, true), set_config('app.scope_system', 'on', true)${readOnlyConfig}`;
    return { simple, begin: BEGIN, scope: { name: `maillage_scope_system${suffix}`, text, values: [APP_ROLE] } };
  }
  const text = `SELECT set_config('role', $1, true), set_config('app.scope_roots', $2, true), set_config('app.user_id', $3, true)${readOnlyConfig}`;
  const values = [APP_ROLE, scope.entityRoots.join(','), scope.userId ?? ''];
  return { simple, begin: BEGIN, scope: { name: `maillage_scope_entities${suffix}`, text, values } };
}

/**
 * Openings built already, per roots array (a principal keeps the same array for a permission while
 * it is cached), then per user and mode: the statements are the same for every request of a caller.
 */
const openingsByRoots = new WeakMap<readonly string[], Map<string, Opening>>();
const sharedOpenings = new Map<string, Opening>();

function cachedOpening(scope: DbScope, readOnly: boolean): Opening {
  if (scope.kind !== 'entities') {
    const key = `${scope.kind}:${readOnly}`;
    let opening = sharedOpenings.get(key);
    if (!opening) sharedOpenings.set(key, (opening = openingOf(scope, readOnly)));
    return opening;
  }
  let byUser = openingsByRoots.get(scope.entityRoots);
  if (!byUser) openingsByRoots.set(scope.entityRoots, (byUser = new Map()));
  const key = `${readOnly ? 'r' : 'w'}${scope.userId ?? ''}`;
  let opening = byUser.get(key);
  if (!opening) byUser.set(key, (opening = openingOf(scope, readOnly)));
  return opening;
}

/**
 * Runs `work` in a transaction under the scope. On PostgreSQL a read-only transaction runs query by
 * query (`readQueryByQuery`); a writing one opens with its first query (see `TransactionOpening`)
 * and commits: two round trips for a one-query write.
 */
export async function withTransaction<T>(
  database: Database,
  scope: DbScope,
  work: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const readOnly = options.readOnly ?? false;
  if (scope.kind === 'network' && !readOnly) throw new Error('The network scope is for reads: a write runs under the scope of who acts');
  // Built (and the ids checked) before a connection is taken, once per caller and mode.
  const opening = cachedOpening(scope, readOnly);
  if (readOnly && database.kind === 'postgres') return readQueryByQuery(database.appPool, scope, opening, work);
  return withPooledClient(database.appPool, async (client, discard) => {
    const transaction = new TransactionOpening(client, database.kind, opening, database.kind === 'postgres' ? statementNamesOf(database.appPool) : null);
    const callbacks: Array<() => void> = [];
    try {
      const result = await work(transactionOf(transaction.client, scope, callbacks));
      if (transaction.isOpen) await client.query('COMMIT');
      for (const callback of callbacks) callback();
      return result;
    } catch (error) {
      try {
        if (transaction.isOpen) await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is broken: do not return it to the pool.
        discard(rollbackError as Error);
      }
      throw error;
    }
  });
}

function transactionOf(client: pg.PoolClient, scope: DbScope, callbacks: Array<() => void>): Tx {
  let db: NodePgDatabase | undefined;
  return {
    client,
    // Built on first use: most reads by id query the client directly.
    get db() {
      return (db ??= drizzle(client));
    },
    scope,
    afterCommit: (cb) => callbacks.push(cb),
  };
}

/**
 * A read-only transaction on PostgreSQL, query by query: no BEGIN, and each query takes a
 * connection of the application pool for itself alone, runs in one batch with the opening's scope
 * statement (role, scope, read-only), and gives the connection back. Under READ COMMITTED every
 * statement takes its own snapshot anyway, so a read sees what it would have seen inside BEGIN …
 * COMMIT (ADR 0012); a one-query read is one round trip, like a bare query, and no connection is
 * held while the work computes between its queries. A read of network-wide data has no scope
 * statement: its queries go alone, as `pool.query` sends them (ADR 0034).
 *
 * `tx.client` can only query (every use of it does), and only plain promise calls: a cursor or a
 * callback-style call would need a connection held, and is refused.
 */
async function readQueryByQuery<T>(pool: pg.Pool, scope: DbScope, opening: Opening, work: (tx: Tx) => Promise<T>): Promise<T> {
  const callbacks: Array<() => void> = [];
  const result = await work(transactionOf(queryByQueryClient(pool, opening), scope, callbacks));
  for (const callback of callbacks) callback();
  return result;
}

function queryByQueryClient(pool: pg.Pool, opening: Opening): pg.PoolClient {
  const names = statementNamesOf(pool);
  const scopeStatement = opening.scope ? [opening.scope] : null;
  const query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (!isPlainPromiseCall(config, values, callback)) throw new Error('A read-only transaction sends plain queries only (no cursor, no callback)');
    const call = autoPreparedCall(names, config, values);
    if (!scopeStatement) return pool.query(...call);
    return withPooledClient(pool, (client) => queryWithPreamble(client, scopeStatement, ...call));
  };
  // Only `query` exists: anything else a client has would be a mistake here.
  return { query } as unknown as pg.PoolClient;
}

/** Per pool client, the error its connection reported during the current checkout. */
const connectionErrors = new WeakMap<pg.PoolClient, { error: Error | undefined }>();

/**
 * A client checked out of the pool for `work`, then returned, or discarded when its connection broke
 * meanwhile. pg-pool listens for a client's errors only while it is idle: a connection lost between
 * two queries of a checked-out client would otherwise be an uncaught 'error' event (seen in the
 * database-outage test); the next query fails anyway. One listener per client, added at its first
 * checkout, records it (adding and removing one per checkout showed in profiles).
 */
async function withPooledClient<T>(pool: pg.Pool, work: (client: pg.PoolClient, discard: (error: Error) => void) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let state = connectionErrors.get(client);
  if (!state) {
    const fresh = { error: undefined as Error | undefined };
    client.on('error', (error: Error) => void (fresh.error ??= error));
    connectionErrors.set(client, (state = fresh));
  }
  state.error = undefined;
  const discard = (error: Error) => void (state.error ??= error);
  try {
    return await work(client, discard);
  } finally {
    client.release(state.error);
  }
}

/** Runs as the database owner, outside row-level security: migrations, seeds, maintenance commands only. */
export async function withOwnerClient<T>(database: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPooledClient(database.pool, (client) => work(client));
}
