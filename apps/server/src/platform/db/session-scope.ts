import type pg from 'pg';
import { queryAlone, queryWithPreamble, type OpeningStatement } from './transaction-opening.js';

/**
 * The scope a read runs under on PostgreSQL, held by the connection's session rather than sent with
 * every query (ADR 0036). `key` names the three settings' values: two sessions holding the same key
 * show a query the same rows.
 */
export interface SessionScope {
  key: string;
  statement: OpeningStatement;
}

/**
 * Sets all three settings at session level (`set_config(…, false)`), so that each replaces whatever
 * the connection's previous reader left. A transaction that fails reverts them, as PostgreSQL
 * reverts every setting changed in an aborted transaction.
 */
const SET_SESSION_SCOPE = `SELECT set_config('app.scope_roots', $1, false), set_config('app.user_id', $2, false), set_config('app.scope_system', $3, false)`;

/** The values of the three scope settings; `system` is 'on' or ''. */
export interface ScopeSettings {
  roots: string;
  userId: string;
  system: string;
}

export function sessionScope({ roots, userId, system }: ScopeSettings): SessionScope {
  const values = [roots, userId, system];
  return { key: values.join('|'), statement: { name: 'maillage_session_scope', text: SET_SESSION_SCOPE, values } };
}

/** A new connection's session has none of the settings: it shows what the network scope shows. */
const NETWORK_SESSION_SCOPE = sessionScope({ roots: '', userId: '', system: '' });

/** Never equal to a key: the session's settings are not known (its last scope statement failed). */
const UNKNOWN = '\u0000unknown';

/** The key of the scope each application connection's session holds; absent for a new connection. */
const heldScopes = new WeakMap<pg.PoolClient, string>();

/**
 * Runs a read-only query on `client` under `scope`: alone when the session holds that scope already
 * (a caller's requests usually find their own connection again: the pool hands out the connection
 * released last), otherwise after the statement that sets it, in the same round trip.
 */
export function queryInSessionScope(client: pg.PoolClient, scope: SessionScope, call: [pg.QueryConfig, unknown[] | undefined]): Promise<pg.QueryResult> {
  const held = heldScopes.get(client) ?? NETWORK_SESSION_SCOPE.key;
  // Not an async function: the query's own promise is returned, with no second one around it.
  return held === scope.key ? queryAlone(client, ...call) : queryAfterScope(client, scope, call);
}

async function queryAfterScope(client: pg.PoolClient, scope: SessionScope, call: [pg.QueryConfig, unknown[] | undefined]): Promise<pg.QueryResult> {
  heldScopes.set(client, UNKNOWN);
  const result = await queryWithPreamble(client, [scope.statement], ...call);
  heldScopes.set(client, scope.key);
  return result;
}
