import pg from 'pg';
import type { DatabaseKind } from './database.js';
import { autoPreparedCall, type StatementNames } from './statement-names.js';

type QueryArguments = Parameters<pg.PoolClient['query']>;

/** The parts of node-postgres's connection and query objects a custom submittable drives. */
interface WireConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[] }): void;
  execute(message: { portal: string }): void;
  close(message: { type: 'S'; name: string }): void;
  /** node-postgres's record of the named statements it has parsed (or sent for parsing) on this connection. */
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}

/** A statement of the opening, prepared once per connection under its name. */
export interface OpeningStatement {
  name: string;
  text: string;
  values: string[];
}

/** How a writing transaction opens: named statements on the wire, or one simple-protocol string. */
export interface Opening {
  /** Role and scope through set_config(…, true): they last until the transaction ends. */
  scope: OpeningStatement;
  simple: string;
}

/** A writing transaction's BEGIN: the application's sessions on PostgreSQL default to read-only (ADR 0036). */
const BEGIN_READ_WRITE: OpeningStatement = { name: 'maillage_begin_read_write', text: 'BEGIN READ WRITE', values: [] };

/**
 * Which opening statements each connection holds. `uncertain`: a batch failed, so whether its
 * Parse happened is unknown; the next use closes the name first (closing a missing one is no error).
 */
const preparedByConnection = new WeakMap<WireConnection, Map<string, 'prepared' | 'uncertain'>>();

interface QueryHandlers {
  queryMode?: string;
  /** Set (non-empty) for a named, prepared query. */
  name?: string;
  text?: string;
  submit(connection: WireConnection): Error | null | undefined;
  handleRowDescription(message: unknown): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: WireConnection): void;
  handleEmptyQuery(connection: WireConnection): void;
  handleError(error: Error, connection: WireConnection): void;
  handleReadyForQuery(connection: WireConnection): void;
  handlePortalSuspended(connection: WireConnection): void;
  handleCopyInResponse(connection: WireConnection): void;
  handleCopyData(message: unknown, connection: WireConnection): void;
}

/**
 * The transaction's opening statements (BEGIN, then role and scope through set_config) written
 * ahead of its first query, in the same extended-protocol batch with a single Sync: one round
 * trip where there were two, and named statements so PostgreSQL parses them once per connection.
 * PostgreSQL runs them in order; if one fails, the server skips to the Sync and the query's
 * promise rejects with that error. Their rows and CommandComplete messages are swallowed here;
 * every other message belongs to the query.
 */
class PreambledQuery {
  private pendingPreambleCommands: number;
  private statementsOf: Map<string, 'prepared' | 'uncertain'> = new Map();

  constructor(
    private readonly preamble: readonly OpeningStatement[],
    private readonly query: QueryHandlers,
  ) {
    this.pendingPreambleCommands = preamble.length;
  }

  submit(connection: WireConnection): Error | null | undefined {
    let statements = preparedByConnection.get(connection);
    if (!statements) preparedByConnection.set(connection, (statements = new Map()));
    this.statementsOf = statements;
    connection.stream.cork?.();
    try {
      for (const { name, text, values } of this.preamble) {
        const state = statements.get(name);
        if (state !== 'prepared') {
          if (state === 'uncertain') connection.close({ type: 'S', name });
          connection.parse({ text, name, types: [] });
        }
        connection.bind({ portal: '', statement: name, values });
        connection.execute({ portal: '' });
      }
      // A named query: node-postgres parses it once per connection, but it only books the statement
      // for the query it sees as active (this wrapper), so after a failed batch whether the Parse ran
      // is ours to track, as for the opening's statements: close it, and have node-postgres parse again.
      const name = this.query.name;
      if (name && statements.get(name) === 'uncertain') {
        connection.close({ type: 'S', name });
        delete connection.parsedStatements[name];
        delete connection.submittedNamedStatements[name];
      }
      // Extended protocol for the query too, so that one Sync closes the whole batch.
      this.query.queryMode = 'extended';
      return this.query.submit(connection);
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleCommandComplete(message: unknown, connection: WireConnection): void {
    if (this.pendingPreambleCommands > 0) {
      this.pendingPreambleCommands -= 1;
      return;
    }
    this.query.handleCommandComplete(message, connection);
  }

  handleDataRow(message: unknown): void {
    // The opening's set_config() answers a row: not the query's.
    if (this.pendingPreambleCommands > 0) return;
    this.query.handleDataRow(message);
  }

  handleError(error: Error, connection: WireConnection): void {
    for (const { name } of this.preamble) this.statementsOf.set(name, 'uncertain');
    if (this.query.name) this.statementsOf.set(this.query.name, 'uncertain');
    this.query.handleError(error, connection);
  }

  handleReadyForQuery(connection: WireConnection): void {
    for (const { name } of this.preamble) this.statementsOf.set(name, 'prepared');
    const { name, text } = this.query;
    if (name) {
      this.statementsOf.set(name, 'prepared');
      // Booked as node-postgres books the statements of the queries it sees (this wrapper hides this
      // one), so that the same query sent alone next is not parsed again.
      connection.parsedStatements[name] = text ?? '';
      delete connection.submittedNamedStatements[name];
    }
    this.query.handleReadyForQuery(connection);
  }

  handleRowDescription(message: unknown): void {
    this.query.handleRowDescription(message);
  }
  handleEmptyQuery(connection: WireConnection): void {
    this.query.handleEmptyQuery(connection);
  }
  handlePortalSuspended(connection: WireConnection): void {
    this.query.handlePortalSuspended(connection);
  }
  handleCopyInResponse(connection: WireConnection): void {
    this.query.handleCopyInResponse(connection);
  }
  handleCopyData(message: unknown, connection: WireConnection): void {
    this.query.handleCopyData(message, connection);
  }
}

/**
 * A query sent alone, as node-postgres sends it; through `PreambledQuery` with no preamble when a
 * failed batch left unknown whether its named statement exists on this connection, so that it is
 * closed and parsed again.
 */
export function queryAlone(client: pg.PoolClient, config: pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
  const connection = (client as unknown as { connection: WireConnection }).connection;
  if (config.name && preparedByConnection.get(connection)?.get(config.name) === 'uncertain') return queryWithPreamble(client, [], config, values);
  return client.query(config, values);
}

/** A call that returns a promise of its result: no submittable (cursor), no callback. */
export function isPlainPromiseCall(config: unknown, values: unknown, callback: unknown): boolean {
  return typeof (config as { submit?: unknown } | null)?.submit !== 'function' && typeof values !== 'function' && typeof callback !== 'function';
}

/** Sends `preamble` then the query in one extended-protocol batch (one Sync): see PreambledQuery. */
export function queryWithPreamble(client: pg.PoolClient, preamble: readonly OpeningStatement[], config: pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) => {
    const inner = new pg.Query(config, values, (error, result) => (error ? reject(error) : resolve(result)));
    (client as unknown as { query(submittable: unknown): unknown }).query(new PreambledQuery(preamble, inner as unknown as QueryHandlers));
  });
}

/**
 * Wraps a pool client so that the transaction opens with its first query instead of in a round
 * trip of its own. A transaction that never queries never opens (nothing to commit).
 *
 * On PostgreSQL BEGIN and the scope statement travel with the first query (`PreambledQuery`), and
 * the work then commits: a one-query write is two round trips. (Read-only transactions do not come
 * here on PostgreSQL: they run query by query, see `withTransaction`.) PGlite's adapter has no wire
 * protocol to drive: there the opening is queued before the first query, which costs nothing
 * in-process. Cursors and callback-style calls get that queued opening on PostgreSQL too.
 */
export class TransactionOpening {
  private begun = false;
  readonly client: pg.PoolClient;

  constructor(
    private readonly raw: pg.PoolClient,
    private readonly kind: DatabaseKind,
    private readonly opening: Opening,
    /** Automatic statement names (ADR 0028); null where statements are not prepared (PGlite). */
    private readonly statementNames: StatementNames | null = null,
  ) {
    const query = (...args: QueryArguments) => this.query(args);
    this.client = new Proxy(raw, {
      get(target, property) {
        if (property === 'query') return query;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Whether BEGIN was sent: only then is there a transaction to commit or roll back. */
  get isOpen(): boolean {
    return this.begun;
  }

  private query(args: QueryArguments): unknown {
    const query = this.raw.query.bind(this.raw) as (...rest: unknown[]) => unknown;
    const [config, values, callback] = args as unknown[];
    const plainPromiseCall = isPlainPromiseCall(config, values, callback);
    const call = this.statementNames && plainPromiseCall ? autoPreparedCall(this.statementNames, config, values) : null;
    if (this.begun) return call ? queryAlone(this.raw, ...call) : query(...args);
    this.begun = true;
    if (this.kind === 'postgres' && call) {
      return queryWithPreamble(this.raw, [BEGIN_READ_WRITE, this.opening.scope], ...call);
    }
    const opening = this.raw.query(this.opening.simple);
    if (!plainPromiseCall) {
      // The query reports its own outcome; an opening failure also aborts the transaction it runs in.
      opening.catch(() => undefined);
      return query(...args);
    }
    // Queued in order: if the opening fails, its error (the first to settle) is the one reported.
    return Promise.all([opening, query(...args)]).then(([, result]) => result);
  }
}
