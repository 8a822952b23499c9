/**
 * Automatic preparation, as Npgsql's "auto prepare" or pgJDBC's `prepareThreshold` do it: a
 * parameterised statement text seen a few times gets a name, so that each connection parses,
 * rewrites (row-level security included) and plans it once instead of on every request; PostgreSQL
 * then keeps a custom plan per execution or switches to a generic one when that costs no more
 * (`plan_cache_mode = auto`). Our queries are built by Drizzle with every value as a parameter, so a
 * route's statement has one text whatever its values.
 *
 * Kept per connection pool, bounded on both sides: at most `MAX_NAMED` names (each connection then
 * holds at most that many prepared statements), given to the texts that reach `PREPARE_AFTER` uses
 * first; the count of texts not yet named is forgotten past `MAX_COUNTED`, so texts seen once each
 * (literal values, IN lists of every length) cost nothing lasting. A name always means the same
 * text on the pool's connections, as node-postgres requires.
 */
import type pg from 'pg';

export const PREPARE_AFTER = 3;
export const MAX_NAMED = 200;
const MAX_COUNTED = 5_000;

/** A query config, array rows included. */
type QueryConfig = pg.QueryConfig & { rowMode?: 'array' };

/** What a named statement's calls share: see `autoPrepared`. */
interface SharedConfig {
  text: string;
  name: string;
  types: QueryConfig['types'];
  rowMode: QueryConfig['rowMode'];
}

/** Result options a statement is seen with: a few (Drizzle's and ours); more are not kept. */
const MAX_SHARED_PER_NAME = 4;

export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly uses = new Map<string, number>();
  private readonly shared = new Map<string, SharedConfig[]>();

  /** The name `text` is prepared under, once it is frequent enough; `undefined` until then. */
  nameFor(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= MAX_NAMED) return name;
    const seen = (this.uses.get(text) ?? 0) + 1;
    if (seen < PREPARE_AFTER) {
      if (this.uses.size >= MAX_COUNTED) this.uses.clear();
      this.uses.set(text, seen);
      return undefined;
    }
    this.uses.delete(text);
    const created = `maillage_auto_${this.names.size + 1}`;
    this.names.set(text, created);
    return created;
  }

  /** The shared part of a named statement's config with these result options; undefined past the bound. */
  sharedConfig(name: string, query: QueryConfig): SharedConfig | undefined {
    let variants = this.shared.get(name);
    if (!variants) this.shared.set(name, (variants = []));
    const found = variants.find((each) => each.types === query.types && each.rowMode === query.rowMode);
    if (found || variants.length >= MAX_SHARED_PER_NAME) return found;
    const created: SharedConfig = { text: query.text, name, types: query.types, rowMode: query.rowMode };
    variants.push(created);
    return created;
  }
}

/** The properties a query config may have for its call to share the rest with the statement's other calls. */
const SHAREABLE = new Set(['text', 'values', 'types', 'rowMode']);

/**
 * The query under its automatic name when it has parameters, no name of its own, and a text
 * frequent enough; null to send it as it came.
 *
 * The config returned has its values as its only own property: text, name and result options are
 * on a prototype shared by the statement's calls. node-postgres copies a config's own properties
 * through their descriptors on every query (`cloneQueryConfig`), 1.2–1.7 µs for four of them on
 * Node 20 against 0.6 µs for one (docs/perf.md, 2026-12-02 afternoon).
 */
export function autoPrepared(names: StatementNames, config: unknown, values: unknown): pg.QueryConfig | null {
  const query: QueryConfig = typeof config === 'string' ? { text: config } : (config as QueryConfig);
  const parameters = (values as unknown[] | undefined) ?? query.values;
  if (query.name || !parameters?.length) return null;
  const name = names.nameFor(query.text);
  if (name === undefined) return null;
  const shared = onlyShareable(query) ? names.sharedConfig(name, query) : undefined;
  if (!shared) return Object.assign({}, query, { values: parameters, name });
  const call = Object.create(shared) as pg.QueryConfig;
  call.values = parameters;
  return call;
}

/** The arguments to send a plain query with: under its automatic name when it has one (`autoPrepared`). */
export function autoPreparedCall(names: StatementNames, config: unknown, values: unknown): [pg.QueryConfig, unknown[] | undefined] {
  const prepared = autoPrepared(names, config, values);
  return prepared ? [prepared, undefined] : [config as pg.QueryConfig, values as unknown[] | undefined];
}

function onlyShareable(query: QueryConfig): boolean {
  for (const key in query) if (!SHAREABLE.has(key)) return false;
  return true;
}

const namesOfPools = new WeakMap<object, StatementNames>();

/** The names of one connection pool: its connections are the ones that hold the statements. */
export function statementNamesOf(pool: object): StatementNames {
  let names = namesOfPools.get(pool);
  if (!names) namesOfPools.set(pool, (names = new StatementNames()));
  return names;
}
