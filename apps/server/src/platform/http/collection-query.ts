import { decodeCursor, fingerprintOf } from './collection-cursor.js';
import {
  MAX_IN_VALUES,
  parseSortSpec,
  type Collection,
  type CollectionField,
  type CollectionQuery,
  type CountMode,
  type FilterCondition,
} from './collection.js';
import { BadRequestError, type FieldError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Second stage after Fastify's schema validation: splits `[in]` lists and checks each element
 * (the schema sees one string), resolves the sort and decodes the cursor.
 */
export function parseCollectionQuery(collection: Collection, query: Record<string, unknown>): CollectionQuery {
  const errors: FieldError[] = [];
  const filters: FilterCondition[] = [];
  for (const { name, field, operator, parameter } of collection.filterParameters) {
    const raw = query[parameter];
    if (raw === undefined) continue;
    if (operator === 'in') {
      const values = String(raw)
        .split(',')
        .map((value) => value.trim());
      const invalid = values.find((value) => !isValidElement(field, value));
      if (values.length > MAX_IN_VALUES) {
        errors.push({ pointer: `/querystring/${parameter}`, message: `At most ${MAX_IN_VALUES} values.` });
      } else if (invalid !== undefined) {
        errors.push({ pointer: `/querystring/${parameter}`, message: `"${invalid}" is not a valid ${describe(field)}.` });
      } else {
        filters.push({ field: name, operator, value: values.map((value) => convert(field, value)) });
      }
      continue;
    }
    filters.push({ field: name, operator, value: raw });
  }
  if (errors.length > 0) throw new BadRequestError('The request querystring is invalid.', errors);

  // The schema pattern already restricts sort to sortable names; duplicates are the remaining mistake.
  let sort = collection.defaultSort;
  if (typeof query.sort === 'string') {
    try {
      sort = parseSortSpec(query.sort, collection.fields, 'sort');
    } catch (error) {
      throw new BadRequestError('The request querystring is invalid.', [{ pointer: '/querystring/sort', message: (error as Error).message }]);
    }
  }
  // Hashed only when a cursor is read or issued: most lists fit in one page.
  let hashed: string | undefined;
  const fingerprint = () => (hashed ??= fingerprintOf([collection.name, sort, filters]));
  const after = typeof query.cursor === 'string' ? decodeCursor(fingerprint(), query.cursor, sort.length + 1) : null;
  const limit = typeof query.limit === 'number' ? query.limit : collection.defaultLimit;
  const count = (typeof query.count === 'string' ? query.count : 'none') as CountMode;
  return { filters, sort, limit, after, count, fingerprint };
}

function isValidElement(field: CollectionField, value: string): boolean {
  switch (field.type) {
    case 'uuid':
      return UUID.test(value);
    case 'integer':
      return /^-?\d{1,15}$/.test(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'enum':
      return field.values?.includes(value) ?? false;
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(value));
    case 'date-time':
      return !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value);
    case 'string':
      return value.length > 0 && value.length <= 500;
  }
}

function convert(field: CollectionField, value: string): unknown {
  if (field.type === 'integer') return Number(value);
  if (field.type === 'boolean') return value === 'true';
  return value;
}

function describe(field: CollectionField): string {
  return field.type === 'enum' ? `value (expected one of ${field.values?.join(', ')})` : field.type;
}
