import type { AnyColumn, SQL } from 'drizzle-orm';
import { Type, type TObject, type TProperties, type TSchema } from 'typebox';
import { CountModeSchema } from '@maillage/contracts';
import { parseCollectionQuery } from './collection-query.js';

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
/** In the order a request's filters are read (and fingerprinted for its cursors). */
const OPERATORS: readonly FilterOperator[] = ['eq', 'in', 'contains', 'gte', 'lte'];
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
  /**
   * Binds cursors to the filters and sort that produced them; hashed on first call (only when a cursor
   * is read or issued). A function rather than a getter, so that a copy (`{ ...query, limit }`) keeps
   * it lazy, and keeps the original query's filters.
   */
  fingerprint(): string;
}

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 200;
export const MAX_IN_VALUES = 100;

const COMPARABLE: readonly FieldType[] = ['integer', 'date-time', 'date', 'string', 'uuid'];

export interface Collection<F extends Record<string, CollectionField> = Record<string, CollectionField>> {
  readonly name: string;
  readonly id: AnyColumn;
  readonly fields: F;
  readonly defaultSort: readonly SortKey[];
  readonly defaultLimit: number;
  readonly maxLimit: number;
  /** Every filter the collection accepts, with its querystring parameter (`filter[name][operator]`). */
  readonly filterParameters: readonly FilterParameter[];
  /** The TypeBox querystring schema: pass it as `schema.querystring`. */
  readonly querystring: TObject;
  /** Turns the validated querystring into a query; throws 400 on a bad cursor or list element. */
  parse(query: unknown): CollectionQuery;
}

export interface FilterParameter {
  name: string;
  field: CollectionField;
  operator: FilterOperator;
  parameter: string;
}

export function defineCollection<F extends Record<string, CollectionField>>(options: CollectionOptions<F>): Collection<F> {
  const defaultLimit = options.defaultLimit ?? DEFAULT_LIMIT;
  const maxLimit = options.maxLimit ?? MAX_LIMIT;
  for (const [name, field] of Object.entries(options.fields)) assertFieldIsConsistent(options.name, name, field);
  const filterParameters = filterParametersOf(options.fields);
  const collection: Collection<F> = {
    name: options.name,
    id: options.id,
    fields: options.fields,
    defaultSort: parseSortSpec(options.defaultSort, options.fields, `defaultSort of ${options.name}`),
    defaultLimit,
    maxLimit,
    filterParameters,
    querystring: buildQuerystringSchema(options, filterParameters, defaultLimit, maxLimit),
    parse: (query) => parseCollectionQuery(collection, query as Record<string, unknown>),
  };
  return collection;
}

function assertFieldIsConsistent(collection: string, name: string, field: CollectionField): void {
  if (!/^[a-z][A-Za-z0-9]*$/.test(name)) throw new Error(`${collection}.${name}: field names are camelCase`);
  if (field.type === 'enum' && !field.values?.length) throw new Error(`${collection}.${name}: an enum field lists its values`);
  for (const operator of field.filter ?? []) {
    if ((operator === 'gte' || operator === 'lte') && !COMPARABLE.includes(field.type)) {
      throw new Error(`${collection}.${name}: ${operator} needs an ordered type, not ${field.type}`);
    }
    if (operator === 'contains' && field.type !== 'string') throw new Error(`${collection}.${name}: contains applies to strings only`);
  }
}

/** Parses `-createdAt,name`; used for the default sort (trusted) and, after schema validation, for requests. */
export function parseSortSpec(spec: string, fields: Record<string, CollectionField>, where: string): SortKey[] {
  const keys = spec.split(',').map((part) => ({ field: part.replace(/^-/, ''), descending: part.startsWith('-') }));
  const seen = new Set<string>();
  for (const key of keys) {
    if (!fields[key.field]?.sort) throw new Error(`${where}: "${key.field}" is not a sortable field`);
    if (seen.has(key.field)) throw new Error(`${where}: "${key.field}" appears twice`);
    seen.add(key.field);
  }
  return keys;
}

function filterParameterName(field: string, operator: FilterOperator): string {
  return operator === 'eq' ? `filter[${field}]` : `filter[${field}][${operator}]`;
}

function filterParametersOf(fields: Record<string, CollectionField>): FilterParameter[] {
  return Object.entries(fields).flatMap(([name, field]) =>
    OPERATORS.filter((operator) => field.filter?.includes(operator)).map((operator) => ({ name, field, operator, parameter: filterParameterName(name, operator) })),
  );
}

function buildQuerystringSchema(
  options: CollectionOptions<Record<string, CollectionField>>,
  filterParameters: readonly FilterParameter[],
  defaultLimit: number,
  maxLimit: number,
): TObject {
  const properties: TProperties = {};
  for (const { name, field, operator, parameter } of filterParameters) properties[parameter] = Type.Optional(filterValueSchema(name, field, operator));
  const sortable = Object.entries(options.fields)
    .filter(([, field]) => field.sort)
    .map(([name]) => name);
  if (sortable.length > 0) {
    const one = `-?(${sortable.join('|')})`;
    properties.sort = Type.Optional(
      Type.String({
        pattern: `^${one}(,${one})*$`,
        description: `Comma-separated sort keys, '-' for descending. Sortable: ${sortable.join(', ')}. Default: ${options.defaultSort}.`,
      }),
    );
  }
  properties.limit = Type.Optional(Type.Integer({ minimum: 1, maximum: maxLimit, default: defaultLimit, description: 'Page size.' }));
  properties.cursor = Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 4096, description: 'Opaque position returned as nextCursor by the previous page.' }),
  );
  properties.count = Type.Optional(CountModeSchema);
  Object.assign(properties, options.extraParameters ?? {});
  return Type.Object(properties, { additionalProperties: false });
}

function filterValueSchema(name: string, field: CollectionField, operator: FilterOperator): TSchema {
  const what = field.description ?? name;
  if (operator === 'in') {
    return Type.String({ minLength: 1, maxLength: 4096, description: `${what}: one of these comma-separated values (at most ${MAX_IN_VALUES}).` });
  }
  if (operator === 'contains') {
    return Type.String({ minLength: 1, maxLength: 200, description: `${what} contains this text (case-insensitive).` });
  }
  const description = { eq: `${what} equals`, gte: `${what} is at least (inclusive)`, lte: `${what} is at most (inclusive)` }[operator];
  return scalarSchema(field, description);
}

export function scalarSchema(field: CollectionField, description: string): TSchema {
  switch (field.type) {
    case 'string':
      return Type.String({ maxLength: 500, description });
    case 'uuid':
      return Type.String({ format: 'uuid', description });
    case 'integer':
      return Type.Integer({ description });
    case 'boolean':
      return Type.Boolean({ description });
    case 'date-time':
      return Type.String({ format: 'date-time', description });
    case 'date':
      return Type.String({ format: 'date', description });
    case 'enum':
      return Type.Union(
        (field.values ?? []).map((value) => Type.Literal(value)),
        { description },
      );
  }
}
