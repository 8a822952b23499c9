import { type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.js';
import type { Collection, CollectionQuery } from './collection.js';
/**
 * The SQL side of a collection. Values are always bound parameters, compared as untyped literals so
 * that PostgreSQL casts them to the column's type (a date-time string against a timestamptz column).
 */
/** WHERE fragment of the request's filters (undefined when there are none). */
export declare function filterSql(collection: Collection, query: CollectionQuery): SQL | undefined;
/** ORDER BY: the sort keys, then the id so that ties have a stable order. */
export declare function orderBySql(collection: Collection, query: CollectionQuery): SQL[];
/**
 * Rows strictly after the cursor position, in the order of orderBySql: the expanded form
 * `(a > x) OR (a = x AND b < y) OR (a = x AND b = y AND id > z)` handles mixed directions.
 */
export declare function keysetSql(collection: Collection, query: CollectionQuery): SQL | undefined;
/**
 * The keyset position of a row, computed by PostgreSQL: `json_build_array` renders timestamps with
 * their full microsecond precision, which a JavaScript Date would round to the millisecond
 * (and the next page would then repeat or skip rows).
 */
export declare function cursorSelection(collection: Collection, query: CollectionQuery): SQL<unknown[]>;
export interface PageSource {
    table: PgTable;
    /** Selected fields (default: every column of the table). */
    columns?: Record<string, AnyColumn | SQL | SQL.Aliased>;
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
/** Fetches one page (limit + 1 rows, to know whether another page follows) and the count asked for. */
export declare function fetchPage<Row = Record<string, unknown>>(tx: Pick<Tx, 'db'>, collection: Collection, query: CollectionQuery, source: PageSource): Promise<CollectionPage<Row>>;
/** `exact` runs COUNT(*); `estimated` reads the planner's row estimate (no scan, may be off). */
export declare function countRows(tx: Pick<Tx, 'db'>, collection: Collection, query: CollectionQuery, source: PageSource): Promise<number>;
