import type pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { APP_ROLE, type Database } from './database.js';
import { autoPreparedCall, statementNamesOf } from './statement-names.js';
import { queryInSessionScope, sessionScope, type ScopeSettings, type SessionScope } from './session-scope.js';
import { isPlainPromiseCall, TransactionOpening, type Opening } from './transaction-opening.js';

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

/** The three scope settings' values: every opening sets all of them, over whatever the session holds. */
function scopeSettings(scope: DbScope): ScopeSettings {
  if (scope.kind !== 'entities') return { roots: '', userId: '', system: scope.kind === 'system' ? 'on' : '' };
  const ids = [...scope.entityRoots, ...(scope.userId ? [scope.userId] : [])];
  for (const id of ids) {
    if (!UUID.test(id)) throw new Error(`Refusing a scope with a malformed id: ${id}`);
  }
  return { roots: scope.entityRoots.join(','), userId: scope.userId ?? '', system: '' };
}

/**
 * The statements that open a transaction, switch to the application role and set the scope, for
 * the simple protocol (PGlite, the credential lookup). The values are inlined, which is safe
 * because every id is checked to be a UUID first. A writing transaction asks for READ WRITE: on
 * PostgreSQL the application's sessions default to read-only (ADR 0036).
 */
export function scopeStatements(scope: DbScope, readOnly: boolean): string[] {
  const { roots, userId, system } = scopeSettings(scope);
  return [
    readOnly ? 'BEGIN READ ONLY' : 'BEGIN READ WRITE',
    `SET LOCAL ROLE ${APP_ROLE}`,
    `SET LOCAL app.scope_roots = '${roots}'`,
    `SET LOCAL app.user_id = '${userId}'`,
    `SET LOCAL app.scope_system = '${system}'`,
  ];
}

/** The same statements as one simple-protocol string. */
export function scopePreamble(scope: DbScope, readOnly: boolean): string {
  return scopeStatements(scope, readOnly).join('; ');
}

/** `SET LOCAL x` as a named statement with parameters: `set_config(x, …, true)`. */
const SET_LOCAL_SCOPE = `SELECT set_config('role', $1, true), set_config('app.scope_roots', $2, true), set_config('app.user_id', $3, true), set_config('app.scope_system', $4, true)`;

/** How a caller's transactions open, and the session scope its reads use on PostgreSQL. */
interface CallerOpening extends Opening {
  session: SessionScope;
}

function openingOf(scope: DbScope, readOnly: boolean): CallerOpening {
  const settings = scopeSettings(scope);
  return {
    simple: scopePreamble(scope, readOnly),
    scope: { name: 'maillage_scope', text: SET_LOCAL_SCOPE, values: [APP_ROLE, settings.roots, settings.userId, settings.system] },
    session: sessionScope(settings),
  };
}

/**
 * Openings built already, per roots array (a principal keeps the same array for a permission while
 * it is cached), then per user and mode: the statements are the same for every request of a caller.
 */
const openingsByRoots = new WeakMap<readonly string[], Map<string, CallerOpening>>();
const sharedOpenings = new Map<string, CallerOpening>();

function cachedOpening(scope: DbScope, readOnly: boolean): CallerOpening {
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
export function withTransaction<T>(database: Database, scope: DbScope, work: (tx: Tx) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  const readOnly = options.readOnly ?? false;
  let opening: CallerOpening;
  try {
    if (scope.kind === 'network' && !readOnly) throw new Error('The network scope is for reads: a write runs under the scope of who acts');
    // Built (and the ids checked) before a connection is taken, once per caller and mode.
    opening = cachedOpening(scope, readOnly);
  } catch (error) {
    // Not an async function, so that a read returns its own promise with no second one around it: a refusal still rejects.
    return Promise.reject(error as Error);
  }
  if (readOnly && database.kind === 'postgres') return readQueryByQuery(database.appPool, scope, opening.session, work);
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
  return new ScopedTransaction(client, scope, callbacks);
}

/**
 * A class rather than an object literal: a literal with a getter is built with its own accessor
 * pair each time (~0.9 µs, against ~0.02 µs for an instance; docs/perf.md, 2026-12-03 evening), and
 * every read makes one.
 */
class ScopedTransaction implements Tx {
  private drizzleDb: NodePgDatabase | undefined;

  constructor(
    readonly client: pg.PoolClient,
    readonly scope: DbScope,
    private readonly callbacks: Array<() => void>,
  ) {}

  // Built on first use: most reads by id query the client directly.
  get db(): NodePgDatabase {
    return (this.drizzleDb ??= drizzle(this.client));
  }

  afterCommit(callback: () => void): void {
    this.callbacks.push(callback);
  }
}

/**
 * A read-only transaction on PostgreSQL, query by query: no BEGIN, and each query takes a
 * connection of the application pool for itself alone, runs under the scope its session holds
 * (`queryInSessionScope`: the query alone when that is the caller's scope already, ADR 0036), and
 * gives the connection back. The sessions default to read-only, so each query is a read-only
 * transaction of its own. Under READ COMMITTED every statement takes its own snapshot anyway, so a
 * read sees what it would have seen inside BEGIN … COMMIT (ADR 0012); a one-query read is one round
 * trip, like a bare query, and no connection is held while the work computes between its queries.
 *
 * `tx.client` can only query (every use of it does), and only plain promise calls: a cursor or a
 * callback-style call would need a connection held, and is refused.
 */
async function readQueryByQuery<T>(pool: pg.Pool, scope: DbScope, session: SessionScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const callbacks: Array<() => void> = [];
  const result = await work(transactionOf(queryByQueryClient(pool, session), scope, callbacks));
  for (const callback of callbacks) callback();
  return result;
}

function queryByQueryClient(pool: pg.Pool, session: SessionScope): pg.PoolClient {
  const names = statementNamesOf(pool);
  const query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (!isPlainPromiseCall(config, values, callback)) throw new Error('A read-only transaction sends plain queries only (no cursor, no callback)');
    const call = autoPreparedCall(names, config, values);
    return withPooledClient(pool, (client) => queryInSessionScope(client, session, call));
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
 *
 * Callbacks rather than awaits: every query of every read comes here, and each await is a promise
 * and a turn of the microtask queue.
 */
function withPooledClient<T>(pool: pg.Pool, work: (client: pg.PoolClient, discard: (error: Error) => void) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pool.connect((connectError, client) => {
      if (connectError || !client) return reject(connectError ?? new Error('The pool gave no connection'));
      const state = checkedOut(client);
      const release = () => client.release(state.error);
      let working: Promise<T>;
      try {
        working = work(client, (error) => void (state.error ??= error));
      } catch (error) {
        release();
        return reject(error as Error);
      }
      working.then(
        (result) => {
          release();
          resolve(result);
        },
        (error: unknown) => {
          release();
          reject(error as Error);
        },
      );
    });
  });
}

/** The client's error record, cleared for a new checkout. */
function checkedOut(client: pg.PoolClient): { error: Error | undefined } {
  let state = connectionErrors.get(client);
  if (!state) {
    const fresh = { error: undefined as Error | undefined };
    client.on('error', (error: Error) => void (fresh.error ??= error));
    connectionErrors.set(client, (state = fresh));
  }
  state.error = undefined;
  return state;
}

/** Runs as the database owner, outside row-level security: migrations, seeds, maintenance commands only. */
export async function withOwnerClient<T>(database: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withPooledClient(database.pool, (client) => work(client));
}
