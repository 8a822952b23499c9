import { and, getTableColumns, or, sql } from 'drizzle-orm';
import { encodeCursor } from './collection-cursor.js';
/**
 * The SQL side of a collection. Values are always bound parameters, compared as untyped literals so
 * that PostgreSQL casts them to the column's type (a date-time string against a timestamptz column).
 */
/** WHERE fragment of the request's filters (undefined when there are none). */
export function filterSql(collection, query) {
    return and(...query.filters.map((filter) => conditionSql(fieldOf(collection, filter.field), filter)));
}
/** ORDER BY: the sort keys, then the id so that ties have a stable order. */
export function orderBySql(collection, query) {
    return [
        ...query.sort.map((key) => {
            const column = fieldOf(collection, key.field).column;
            return key.descending ? sql `${column} desc` : sql `${column} asc`;
        }),
        sql `${collection.id} asc`,
    ];
}
/**
 * Rows strictly after the cursor position, in the order of orderBySql: the expanded form
 * `(a > x) OR (a = x AND b < y) OR (a = x AND b = y AND id > z)` handles mixed directions.
 */
export function keysetSql(collection, query) {
    if (!query.after)
        return undefined;
    const keys = [
        ...query.sort.map((key) => ({ column: fieldOf(collection, key.field).column, descending: key.descending })),
        { column: collection.id, descending: false },
    ];
    const values = query.after;
    const branches = keys.map((key, index) => {
        const equalities = keys.slice(0, index).map((previous, i) => sql `${previous.column} = ${values[i]}`);
        const step = key.descending ? sql `${key.column} < ${values[index]}` : sql `${key.column} > ${values[index]}`;
        return and(...equalities, step);
    });
    return or(...branches);
}
/**
 * The keyset position of a row, computed by PostgreSQL: `json_build_array` renders timestamps with
 * their full microsecond precision, which a JavaScript Date would round to the millisecond
 * (and the next page would then repeat or skip rows).
 */
export function cursorSelection(collection, query) {
    const columns = [...query.sort.map((key) => fieldOf(collection, key.field).column), collection.id];
    return sql `json_build_array(${sql.join(columns, sql `, `)})`;
}
const CURSOR_KEY = '__cursor';
/** Fetches one page (limit + 1 rows, to know whether another page follows) and the count asked for. */
export async function fetchPage(tx, collection, query, source) {
    const columns = source.columns ?? getTableColumns(source.table);
    const rows = (await tx.db
        .select({ ...columns, [CURSOR_KEY]: cursorSelection(collection, query) })
        .from(source.table)
        .where(and(source.where, filterSql(collection, query), keysetSql(collection, query)))
        .orderBy(...orderBySql(collection, query))
        .limit(query.limit + 1));
    const hasMore = rows.length > query.limit;
    const pageRows = hasMore ? rows.slice(0, query.limit) : rows;
    const nextAfter = hasMore ? pageRows[pageRows.length - 1][CURSOR_KEY] : null;
    const items = pageRows.map(({ [CURSOR_KEY]: _cursor, ...item }) => item);
    const page = { items, nextCursor: nextAfter ? encodeCursor(query.fingerprint, nextAfter) : null, nextAfter };
    if (query.count !== 'none')
        page.count = await countRows(tx, collection, query, source);
    return page;
}
/** `exact` runs COUNT(*); `estimated` reads the planner's row estimate (no scan, may be off). */
export async function countRows(tx, collection, query, source) {
    const where = and(source.where, filterSql(collection, query));
    if (query.count === 'estimated') {
        const inner = tx.db.select({ one: sql `1` }).from(source.table).where(where);
        const result = await tx.db.execute(sql `EXPLAIN (FORMAT JSON) ${inner}`);
        const plan = result.rows[0]['QUERY PLAN'];
        const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan);
        return Math.max(0, Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0));
    }
    const [row] = await tx.db
        .select({ n: sql `count(*)::int` })
        .from(source.table)
        .where(where);
    return row?.n ?? 0;
}
function fieldOf(collection, name) {
    const field = collection.fields[name];
    if (!field)
        throw new Error(`Unknown field ${collection.name}.${name}`);
    return field;
}
function conditionSql(field, filter) {
    const column = field.column;
    switch (filter.operator) {
        case 'eq':
            return sql `${column} = ${filter.value}`;
        case 'gte':
            return sql `${column} >= ${filter.value}`;
        case 'lte':
            return sql `${column} <= ${filter.value}`;
        case 'in':
            return sql `${column} in (${sql.join(filter.value.map((value) => sql `${value}`), sql `, `)})`;
        case 'contains':
            return sql `${column} ilike ${`%${escapeLike(String(filter.value))}%`} escape '\\'`;
    }
}
function escapeLike(text) {
    return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
//# sourceMappingURL=collection-sql.js.map