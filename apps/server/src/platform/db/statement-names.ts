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
export const PREPARE_AFTER = 3;
export const MAX_NAMED = 200;
const MAX_COUNTED = 5_000;

export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly uses = new Map<string, number>();

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
}

const namesOfPools = new WeakMap<object, StatementNames>();

/** The names of one connection pool: its connections are the ones that hold the statements. */
export function statementNamesOf(pool: object): StatementNames {
  let names = namesOfPools.get(pool);
  if (!names) namesOfPools.set(pool, (names = new StatementNames()));
  return names;
}
