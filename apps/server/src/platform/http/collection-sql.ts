import { and, getTableColumns, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { selectedRows, type FlatSelection, type Tx } from '../db/index.js';
import { encodeCursor } from './collection-cursor.js';
import type { Collection, CollectionField, CollectionQuery, FilterCondition } from './collection.js';

/**
 * The SQL side of a collection. Values are always bound parameters, compared as untyped literals so
 * that PostgreSQL casts them to the column's type (a date-time string against a timestamptz column).
 */

/** WHERE fragment of the request's filters (undefined when there are none). */
export function filterSql(collection: Collection, query: CollectionQuery): SQL | undefined {
  return and(...query.filters.map((filter) => conditionSql(fieldOf(collection, filter.field), filter)));
}

/**
 * The sort keys, then the id so that ties have a stable order. The id follows the direction of the
 * last sort key: with one direction throughout, the keyset condition is a row comparison that
 * PostgreSQL turns into an index range (see keysetSql).
 */
function keysOf(collection: Collection, query: CollectionQuery): Array<{ column: AnyColumn | SQL; descending: boolean }> {
  const keys = query.sort.map((key) => ({ column: fieldOf(collection, key.field).column as AnyColumn | SQL, descending: key.descending }));
  return [...keys, { column: collection.id as AnyColumn | SQL, descending: keys.at(-1)?.descending ?? false }];
}

/** ORDER BY of keysOf. */
export function orderBySql(collection: Collection, query: CollectionQuery): SQL[] {
  return keysOf(collection, query).map(({ column, descending }) => (descending ? sql`${column} desc` : sql`${column} asc`));
}

/**
 * Rows strictly after the cursor position, in the order of orderBySql. One direction throughout:
 * `(a, b, id) > (x, y, z)` (an index range scan, whatever the page depth). Mixed directions: the
 * expanded form `a >= x AND ((a > x) OR (a = x AND b < y) OR (a = x AND b = y AND id > z))`.
 */
export function keysetSql(collection: Collection, query: CollectionQuery): SQL | undefined {
  if (!query.after) return undefined;
  const keys = keysOf(collection, query);
  const values = query.after;
  if (keys.every((key) => key.descending === keys[0]!.descending)) {
    const columns = sql.join(keys.map((key) => key.column), sql`, `);
    const position = sql.join(keys.map((_, index) => sql`${values[index]}`), sql`, `);
    return keys[0]!.descending ? sql`(${columns}) < (${position})` : sql`(${columns}) > (${position})`;
  }
  const branches = keys.map((key, index) => {
    const equalities = keys.slice(0, index).map((previous, i) => sql`${previous.column} = ${values[i]}`);
    const step = key.descending ? sql`${key.column} < ${values[index]}` : sql`${key.column} > ${values[index]}`;
    return and(...equalities, step)!;
  });
  // Redundant, but it bounds an index scan on the first key where the OR alone cannot.
  const first = keys[0]!;
  const bound = first.descending ? sql`${first.column} <= ${values[0]}` : sql`${first.column} >= ${values[0]}`;
  return and(bound, or(...branches));
}

/**
 * The keyset position of a row, computed by PostgreSQL: `json_build_array` renders timestamps with
 * their full microsecond precision, which a JavaScript Date would round to the millisecond
 * (and the next page would then repeat or skip rows).
 */
export function cursorSelection(collection: Collection, query: CollectionQuery): SQL<unknown[]> {
  const columns = [...query.sort.map((key) => fieldOf(collection, key.field).column), collection.id];
  return sql<unknown[]>`json_build_array(${sql.join(columns, sql`, `)})`;
}

export interface PageSource {
  table: PgTable;
  /** Selected fields (default: every column of the table). */
  columns?: FlatSelection;
  /** Conditions of the route on top of the filters (parent id, archived rows…). RLS applies anyway. */
  where?: SQL;
}

export interface CollectionPage<Row> {
  items: Row[];
  nextCursor: string | null;
  /** Raw keyset position after the last item (the CSV export walks batches with it). */
  nextAfter: unknown[] | null;
  count?: number;
}

const CURSOR_KEY = '__cursor';

/** Fetches one page (limit + 1 rows, to know whether another page follows) and the count asked for. */
export async function fetchPage<Row = Record<string, unknown>>(
  tx: Pick<Tx, 'db' | 'client'>,
  collection: Collection,
  query: CollectionQuery,
  source: PageSource,
): Promise<CollectionPage<Row>> {
  const selection: FlatSelection = { ...(source.columns ?? getTableColumns(source.table)), [CURSOR_KEY]: cursorSelection(collection, query) };
  const statement = tx.db
    .select(selection)
    .from(source.table)
    .where(and(source.where, filterSql(collection, query), keysetSql(collection, query)))
    .orderBy(...orderBySql(collection, query))
    .limit(query.limit + 1);
  const rows = await selectedRows<Record<string, unknown>>(tx, statement, selection);
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const nextAfter = hasMore ? (pageRows[pageRows.length - 1]![CURSOR_KEY] as unknown[]) : null;
  const items = pageRows.map(({ [CURSOR_KEY]: _cursor, ...item }) => item as Row);
  const page: CollectionPage<Row> = { items, nextCursor: nextAfter ? encodeCursor(query.fingerprint, nextAfter) : null, nextAfter };
  if (query.count !== 'none') page.count = await countRows(tx, collection, query, source);
  return page;
}

/** `exact` runs COUNT(*); `estimated` reads the planner's row estimate (no scan, may be off). */
export async function countRows(tx: Pick<Tx, 'db'>, collection: Collection, query: CollectionQuery, source: PageSource): Promise<number> {
  const where = and(source.where, filterSql(collection, query));
  if (query.count === 'estimated') {
    const inner = tx.db.select({ one: sql`1` }).from(source.table).where(where);
    const result = await tx.db.execute(sql`EXPLAIN (FORMAT JSON) ${inner}`);
    const plan = (result.rows[0] as Record<string, unknown>)['QUERY PLAN'];
    const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: { 'Plan Rows': number } }>;
    return Math.max(0, Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0));
  }
  const [row] = await tx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(source.table)
    .where(where);
  return row?.n ?? 0;
}

function fieldOf(collection: Collection, name: string): CollectionField {
  const field = collection.fields[name];
  if (!field) throw new Error(`Unknown field ${collection.name}.${name}`);
  return field;
}

function conditionSql(field: CollectionField, filter: FilterCondition): SQL {
  const column = field.column;
  switch (filter.operator) {
    case 'eq':
      return sql`${column} = ${filter.value}`;
    case 'gte':
      return sql`${column} >= ${filter.value}`;
    case 'lte':
      return sql`${column} <= ${filter.value}`;
    case 'in':
      return sql`${column} in (${sql.join(
        (filter.value as unknown[]).map((value) => sql`${value}`),
        sql`, `,
      )})`;
    case 'contains':
      return sql`${column} ilike ${`%${escapeLike(String(filter.value))}%`} escape '\\'`;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
