import { and, fillPlaceholders, getTableColumns, getTableName, is, or, SQL, sql, type AnyColumn } from 'drizzle-orm';
import {
  PgBoolean,
  PgChar,
  PgDate,
  PgDateString,
  PgEnumColumn,
  PgInteger,
  PgNumeric,
  PgSerial,
  PgSmallInt,
  PgText,
  PgTimestamp,
  PgTimestampString,
  PgUUID,
  PgVarchar,
  type PgColumn,
  type PgTable,
} from 'drizzle-orm/pg-core';
import { arrayRows, decodedRow, selectionDecoders, type FlatSelection, type SelectionDecoders, type Tx } from '../db/index.js';
import { encodeCursor } from './collection-cursor.js';
import type { Collection, CollectionField, CollectionQuery, FilterCondition } from './collection.js';

/**
 * The SQL side of a collection. Values are always bound parameters, compared as untyped literals so
 * that PostgreSQL casts them to the column's type (a date-time string against a timestamptz column).
 *
 * A page's statement is written with placeholders (`_f0`, `_k1`, `_limit`…) and rendered once per
 * *shape* — collection, selected columns, filtered fields and operators, sort, with or without a
 * cursor, the route's own conditions — then only its values are filled per request: Drizzle's
 * rendering was about a sixth of a list request's CPU (docs/perf.md).
 */

/** WHERE fragment of the request's filters (undefined when there are none), values as placeholders. */
function filterSql(collection: Collection, query: CollectionQuery): SQL | undefined {
  return and(...query.filters.map((filter, index) => conditionSql(fieldOf(collection, filter.field), filter, `_f${index}`)));
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
function orderBySql(collection: Collection, query: CollectionQuery): SQL[] {
  return keysOf(collection, query).map(({ column, descending }) => (descending ? sql`${column} desc` : sql`${column} asc`));
}

/**
 * Rows strictly after the cursor position, in the order of orderBySql. One direction throughout:
 * `(a, b, id) > (x, y, z)` (an index range scan, whatever the page depth). Mixed directions: the
 * expanded form `a >= x AND ((a > x) OR (a = x AND b < y) OR (a = x AND b = y AND id > z))`.
 */
function keysetSql(collection: Collection, query: CollectionQuery): SQL | undefined {
  if (!query.after) return undefined;
  const keys = keysOf(collection, query);
  const position = (index: number) => sql.placeholder(`_k${index}`);
  if (keys.every((key) => key.descending === keys[0]!.descending)) {
    const columns = sql.join(keys.map((key) => key.column), sql`, `);
    const values = sql.join(keys.map((_, index) => sql`${position(index)}`), sql`, `);
    return keys[0]!.descending ? sql`(${columns}) < (${values})` : sql`(${columns}) > (${values})`;
  }
  const branches = keys.map((key, index) => {
    const equalities = keys.slice(0, index).map((previous, i) => sql`${previous.column} = ${position(i)}`);
    const step = key.descending ? sql`${key.column} < ${position(index)}` : sql`${key.column} > ${position(index)}`;
    return and(...equalities, step)!;
  });
  // Redundant, but it bounds an index scan on the first key where the OR alone cannot.
  const first = keys[0]!;
  const bound = first.descending ? sql`${first.column} <= ${position(0)}` : sql`${first.column} >= ${position(0)}`;
  return and(bound, or(...branches));
}

/**
 * Column types whose values `arrayRows` returns exactly as PostgreSQL reads them back as a parameter:
 * strings, 32-bit integers and booleans, and timestamps and dates as PostgreSQL's own text (with
 * their microseconds; a JavaScript Date would round them to the millisecond, and the next page would
 * then repeat or skip rows).
 */
const EXACT_IN_ROWS = [PgText, PgVarchar, PgChar, PgUUID, PgEnumColumn, PgInteger, PgSmallInt, PgSerial, PgBoolean, PgNumeric, PgDate, PgDateString, PgTimestamp, PgTimestampString];

/**
 * Where the keyset position is read in a page's rows. When every key is a selected column of an
 * exact type, from the last row's own values (their indexes); otherwise from an extra column that
 * PostgreSQL computes for every row, `json_build_array` of the keys (null indexes). Computing it for
 * 51 rows to use one cost a tenth of PostgreSQL's time for a page of companies (docs/perf.md).
 */
function keysetIndexes(keys: ReadonlyArray<AnyColumn | SQL>, selection: FlatSelection): number[] | null {
  const selected = Object.values(selection);
  const indexes = keys.map((key) => (EXACT_IN_ROWS.some((type) => is(key, type)) ? selected.indexOf(key as PgColumn) : -1));
  return indexes.every((index) => index >= 0) ? indexes : null;
}

/** The placeholders' values of the request: its filters and its cursor position. */
function queryValues(query: CollectionQuery): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  query.filters.forEach((filter, index) => {
    if (filter.operator === 'in') (filter.value as unknown[]).forEach((value, i) => (values[`_f${index}_${i}`] = value));
    else values[`_f${index}`] = filter.operator === 'contains' ? `%${escapeLike(String(filter.value))}%` : filter.value;
  });
  query.after?.forEach((value, index) => (values[`_k${index}`] = value));
  return values;
}

/**
 * A route's own condition written with placeholders (`sql.placeholder('status')`): `shape` names what
 * its text depends on (which conditions, how many words), `values` fill its placeholders.
 */
export interface ShapedCondition {
  sql: SQL;
  shape: string;
  values?: Record<string, unknown>;
}

/** The route's condition as SQL with its values, and its shape: '' without one, undefined for plain SQL (not reusable). */
interface RouteCondition {
  sql?: SQL;
  values?: Record<string, unknown>;
  shape?: string;
}

function routeConditionOf(where: PageSource['where']): RouteCondition {
  if (where === undefined) return { shape: '' };
  return is(where, SQL) ? { sql: where } : where;
}

export interface PageSource {
  table: PgTable;
  /**
   * Selected fields (default: every column of the table). Rendered statements are kept per columns
   * object: pass a constant, not an object built per request.
   */
  columns?: FlatSelection;
  /**
   * Conditions of the route on top of the filters (parent id, archived rows…). RLS applies anyway.
   * A `ShapedCondition` lets the page's statement be rendered once per shape; plain SQL is rendered
   * on every request (its values are inside its text).
   */
  where?: SQL | ShapedCondition;
  /**
   * `timestamptz` columns as PostgreSQL's text (`TimestamptzValue`) rather than Dates: a page that only
   * writes them out turns them into the API's form with `isoTimestamp`, ten times cheaper.
   */
  timestampsAsText?: boolean;
}

export interface CollectionPage<Row> {
  items: Row[];
  nextCursor: string | null;
  /** Raw keyset position after the last item (the CSV export walks batches with it). */
  nextAfter: unknown[] | null;
  count?: number;
}

const CURSOR_KEY = '__cursor';
const LIMIT = '_limit';

interface PageStatement {
  text: string;
  /** Drizzle's parameters, placeholders included: `fillPlaceholders` turns them into values. */
  params: unknown[];
  /** The item's fields, in select-list order. */
  fields: SelectionDecoders;
  /** The fields that hold the keyset position; null when it is the extra column after them. */
  keyset: number[] | null;
}

/** Rendered statements per collection, then per columns object (or table), then per shape. */
const pageStatements = new WeakMap<Collection, WeakMap<object, Map<string, PageStatement>>>();
/** Shapes kept per collection and columns (the oldest goes first): filter combinations are many. */
const MAX_SHAPES = 200;

/** Fetches one page (limit + 1 rows, to know whether another page follows) and the count asked for. */
export async function fetchPage<Row = Record<string, unknown>>(
  tx: Pick<Tx, 'db' | 'client'>,
  collection: Collection,
  query: CollectionQuery,
  source: PageSource,
): Promise<CollectionPage<Row>> {
  const route = routeConditionOf(source.where);
  const statement = pageStatement(tx, collection, query, source, route);
  // Object.assign, not a spread with added fields: about 20 times cheaper per object on Node 20 (docs/perf.md).
  const values = Object.assign({}, route.values, queryValues(query), { [LIMIT]: query.limit + 1 });
  const rows = await arrayRows(tx, statement.text, fillPlaceholders(statement.params, values));
  const hasMore = rows.length > query.limit;
  const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
  const nextAfter = hasMore ? keysetPosition(pageRows[pageRows.length - 1]!, statement) : null;
  const items = pageRows.map((row) => decodedRow<Row>(row, statement.fields));
  const page: CollectionPage<Row> = { items, nextCursor: nextAfter ? encodeCursor(query.fingerprint(), nextAfter) : null, nextAfter };
  if (query.count !== 'none') page.count = await countRows(tx, collection, query, source.table, route);
  return page;
}

/** The keyset position of a row: its key fields, or the extra column after its fields (see renderPageStatement). */
function keysetPosition(row: readonly unknown[], statement: PageStatement): unknown[] {
  return statement.keyset ? statement.keyset.map((index) => row[index]) : (row[statement.fields.length] as unknown[]);
}

/** The page's statement of this shape, rendered now or earlier. */
function pageStatement(tx: Pick<Tx, 'db'>, collection: Collection, query: CollectionQuery, source: PageSource, route: RouteCondition): PageStatement {
  if (route.shape === undefined) return renderPageStatement(tx, collection, query, source, route);
  let bySource = pageStatements.get(collection);
  if (!bySource) pageStatements.set(collection, (bySource = new WeakMap()));
  let byShape = bySource.get(source.columns ?? source.table);
  if (!byShape) bySource.set(source.columns ?? source.table, (byShape = new Map()));
  const shape = shapeOf(query, source, route.shape);
  let statement = byShape.get(shape);
  if (!statement) {
    statement = renderPageStatement(tx, collection, query, source, route);
    if (byShape.size >= MAX_SHAPES) byShape.delete(byShape.keys().next().value!);
    byShape.set(shape, statement);
  }
  return statement;
}

/** Everything the rendered text depends on besides the collection and the columns; values excluded. */
function shapeOf(query: CollectionQuery, source: PageSource, routeShape: string): string {
  const filters = query.filters.map((filter) => `${filter.field}.${filter.operator}${filter.operator === 'in' ? (filter.value as unknown[]).length : ''}`);
  const sort = query.sort.map((key) => `${key.descending ? '-' : ''}${key.field}`);
  return `${getTableName(source.table)}|${filters.join(',')}|${sort.join(',')}|${query.after ? 'after' : ''}|${source.timestampsAsText ? 'text' : ''}|${routeShape}`;
}

function renderPageStatement(tx: Pick<Tx, 'db'>, collection: Collection, query: CollectionQuery, source: PageSource, route: RouteCondition): PageStatement {
  const columns = source.columns ?? getTableColumns(source.table);
  const keys = keysOf(collection, query).map((key) => key.column);
  const keyset = keysetIndexes(keys, columns);
  const { sql: text, params } = tx.db
    .select(keyset ? columns : { ...columns, [CURSOR_KEY]: sql<unknown[]>`json_build_array(${sql.join(keys, sql`, `)})` })
    .from(source.table)
    .where(and(route.sql, filterSql(collection, query), keysetSql(collection, query)))
    .orderBy(...orderBySql(collection, query))
    .limit(sql.placeholder(LIMIT))
    .toSQL();
  return { text, params, fields: selectionDecoders(columns, { timestampsAsText: source.timestampsAsText }), keyset };
}

/** `exact` runs COUNT(*); `estimated` reads the planner's row estimate (no scan, may be off). */
async function countRows(tx: Pick<Tx, 'db' | 'client'>, collection: Collection, query: CollectionQuery, table: PgTable, route: RouteCondition): Promise<number> {
  const where = and(route.sql, filterSql(collection, query));
  const values = { ...route.values, ...queryValues(query) };
  if (query.count === 'estimated') {
    const inner = tx.db.select({ one: sql`1` }).from(table).where(where).toSQL();
    const result = await tx.client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${inner.sql}`, fillPlaceholders(inner.params, values));
    const plan = result.rows[0]?.['QUERY PLAN'];
    const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: { 'Plan Rows': number } }>;
    return Math.max(0, Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0));
  }
  const counted = tx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where)
    .toSQL();
  const result = await tx.client.query<[number]>({ text: counted.sql, values: fillPlaceholders(counted.params, values), rowMode: 'array' });
  return result.rows[0]?.[0] ?? 0;
}

function fieldOf(collection: Collection, name: string): CollectionField {
  const field = collection.fields[name];
  if (!field) throw new Error(`Unknown field ${collection.name}.${name}`);
  return field;
}

/** The filter's condition; its value is the placeholder `name` (`name_0`, `name_1`… for a list), see queryValues. */
function conditionSql(field: CollectionField, filter: FilterCondition, name: string): SQL {
  const column = field.column;
  const value = sql.placeholder(name);
  switch (filter.operator) {
    case 'eq':
      return sql`${column} = ${value}`;
    case 'gte':
      return sql`${column} >= ${value}`;
    case 'lte':
      return sql`${column} <= ${value}`;
    case 'in':
      return sql`${column} in (${sql.join(
        (filter.value as unknown[]).map((_, index) => sql`${sql.placeholder(`${name}_${index}`)}`),
        sql`, `,
      )})`;
    case 'contains':
      return sql`${column} ilike ${value} escape '\\'`;
  }
}

/** `text` matched literally inside a LIKE pattern (escape character `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
