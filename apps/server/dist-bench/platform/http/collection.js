import { Type } from 'typebox';
import { CountModeSchema } from '@maillage/contracts';
import { parseCollectionQuery } from './collection-query.js';
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 200;
export const MAX_IN_VALUES = 100;
const COMPARABLE = ['integer', 'date-time', 'date', 'string', 'uuid'];
export function defineCollection(options) {
    const defaultLimit = options.defaultLimit ?? DEFAULT_LIMIT;
    const maxLimit = options.maxLimit ?? MAX_LIMIT;
    for (const [name, field] of Object.entries(options.fields))
        assertFieldIsConsistent(options.name, name, field);
    const collection = {
        name: options.name,
        id: options.id,
        fields: options.fields,
        defaultSort: parseSortSpec(options.defaultSort, options.fields, `defaultSort of ${options.name}`),
        defaultLimit,
        maxLimit,
        querystring: buildQuerystringSchema(options, defaultLimit, maxLimit),
        parse: (query) => parseCollectionQuery(collection, query),
    };
    return collection;
}
function assertFieldIsConsistent(collection, name, field) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name))
        throw new Error(`${collection}.${name}: field names are camelCase`);
    if (field.type === 'enum' && !field.values?.length)
        throw new Error(`${collection}.${name}: an enum field lists its values`);
    for (const operator of field.filter ?? []) {
        if ((operator === 'gte' || operator === 'lte') && !COMPARABLE.includes(field.type)) {
            throw new Error(`${collection}.${name}: ${operator} needs an ordered type, not ${field.type}`);
        }
        if (operator === 'contains' && field.type !== 'string')
            throw new Error(`${collection}.${name}: contains applies to strings only`);
    }
}
/** Parses `-createdAt,name`; used for the default sort (trusted) and, after schema validation, for requests. */
export function parseSortSpec(spec, fields, where) {
    const keys = spec.split(',').map((part) => ({ field: part.replace(/^-/, ''), descending: part.startsWith('-') }));
    const seen = new Set();
    for (const key of keys) {
        if (!fields[key.field]?.sort)
            throw new Error(`${where}: "${key.field}" is not a sortable field`);
        if (seen.has(key.field))
            throw new Error(`${where}: "${key.field}" appears twice`);
        seen.add(key.field);
    }
    return keys;
}
export function filterParameterName(field, operator) {
    return operator === 'eq' ? `filter[${field}]` : `filter[${field}][${operator}]`;
}
function buildQuerystringSchema(options, defaultLimit, maxLimit) {
    const properties = {};
    for (const [name, field] of Object.entries(options.fields)) {
        for (const operator of field.filter ?? []) {
            properties[filterParameterName(name, operator)] = Type.Optional(filterValueSchema(name, field, operator));
        }
    }
    const sortable = Object.entries(options.fields)
        .filter(([, field]) => field.sort)
        .map(([name]) => name);
    if (sortable.length > 0) {
        const one = `-?(${sortable.join('|')})`;
        properties.sort = Type.Optional(Type.String({
            pattern: `^${one}(,${one})*$`,
            description: `Comma-separated sort keys, '-' for descending. Sortable: ${sortable.join(', ')}. Default: ${options.defaultSort}.`,
        }));
    }
    properties.limit = Type.Optional(Type.Integer({ minimum: 1, maximum: maxLimit, default: defaultLimit, description: 'Page size.' }));
    properties.cursor = Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 4096, description: 'Opaque position returned as nextCursor by the previous page.' }));
    properties.count = Type.Optional(CountModeSchema);
    Object.assign(properties, options.extraParameters ?? {});
    return Type.Object(properties, { additionalProperties: false });
}
function filterValueSchema(name, field, operator) {
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
export function scalarSchema(field, description) {
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
            return Type.Union((field.values ?? []).map((value) => Type.Literal(value)), { description });
    }
}
//# sourceMappingURL=collection.js.map