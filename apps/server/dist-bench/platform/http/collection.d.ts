import type { AnyColumn, SQL } from 'drizzle-orm';
import { type TObject, type TProperties, type TSchema } from 'typebox';
/**
 * Declarative list endpoints (what API Platform calls filters, order and pagination): one definition
 * per resource yields the querystring schema (validated by Fastify, documented in OpenAPI) and, through
 * collection-sql.ts, the Drizzle fragments the repository runs.
 *
 * Query parameters keep their bracketed names as literal keys (`filter[createdAt][gte]`): Fastify's
 * default parser does not nest them, so each is a plain, typed, documented query parameter and
 * `additionalProperties: false` refuses any unknown one with its exact name as the pointer.
 */
export type FieldType = 'string' | 'uuid' | 'integer' | 'boolean' | 'date-time' | 'date' | 'enum';
export type FilterOperator = 'eq' | 'in' | 'contains' | 'gte' | 'lte';
export type CountMode = 'exact' | 'estimated' | 'none';
export interface CollectionField {
    /** A column, or an SQL expression of the query's FROM clause. Sortable fields must be NOT NULL (keyset pagination). */
    column: AnyColumn | SQL;
    type: FieldType;
    /** Allowed values of an `enum` field. */
    values?: readonly string[];
    filter?: readonly FilterOperator[];
    sort?: boolean;
    description?: string;
}
export interface CollectionOptions<F extends Record<string, CollectionField>> {
    /** Resource name (plural, camelCase): binds cursors to this collection and names CSV files. */
    name: string;
    /** Unique, NOT NULL, orderable column: the keyset tiebreaker (UUIDv7 ids sort by creation). */
    id: AnyColumn;
    fields: F;
    /** e.g. `-createdAt` or `name,-createdAt`. */
    defaultSort: string;
    defaultLimit?: number;
    maxLimit?: number;
    /** Route-specific parameters added to the querystring schema (e.g. a full-text `q`). */
    extraParameters?: TProperties;
}
export interface FilterCondition {
    field: string;
    operator: FilterOperator;
    /** A scalar, or the list of values for `in`. */
    value: unknown;
}
export interface SortKey {
    field: string;
    descending: boolean;
}
/** A validated list request, ready for collection-sql.ts. */
export interface CollectionQuery {
    filters: FilterCondition[];
    sort: readonly SortKey[];
    limit: number;
    /** Keyset position decoded from the cursor: the sort values then the id of the last row seen. */
    after: unknown[] | null;
    count: CountMode;
    /** Binds cursors to the filters and sort that produced them. */
    fingerprint: string;
}
export declare const DEFAULT_LIMIT = 25;
export declare const MAX_LIMIT = 200;
export declare const MAX_IN_VALUES = 100;
export interface Collection<F extends Record<string, CollectionField> = Record<string, CollectionField>> {
    readonly name: string;
    readonly id: AnyColumn;
    readonly fields: F;
    readonly defaultSort: readonly SortKey[];
    readonly defaultLimit: number;
    readonly maxLimit: number;
    /** The TypeBox querystring schema: pass it as `schema.querystring`. */
    readonly querystring: TObject;
    /** Turns the validated querystring into a query; throws 400 on a bad cursor or list element. */
    parse(query: unknown): CollectionQuery;
}
export declare function defineCollection<F extends Record<string, CollectionField>>(options: CollectionOptions<F>): Collection<F>;
/** Parses `-createdAt,name`; used for the default sort (trusted) and, after schema validation, for requests. */
export declare function parseSortSpec(spec: string, fields: Record<string, CollectionField>, where: string): SortKey[];
export declare function filterParameterName(field: string, operator: FilterOperator): string;
export declare function scalarSchema(field: CollectionField, description: string): TSchema;
