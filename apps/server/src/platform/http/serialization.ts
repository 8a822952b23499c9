import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type SchemaNode = Record<string, unknown>;

/** Keywords that only constrain values: the serializer needs types and shapes, not these. */
const VALIDATION_ONLY = new Set(['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties']);
/** Formats that change how fast-json-stringify writes a value (a Date as date, time or date-time). */
const WRITTEN_FORMATS = new Set(['date-time', 'date', 'time']);
const SINGLE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/**
 * The response schema as the serializer should see it. fast-json-stringify picks an `anyOf` branch
 * by validating the value against each branch with Ajv — patterns, e-mail and UUID formats, lengths
 * — for every nullable field of every row; profiles of list routes showed it. The contract (OpenAPI,
 * request validation) keeps the full schemas; responses are built by our own code, so the
 * serializer only needs to know the shapes: `Union([String(…), Null()])` becomes
 * `{ type: ['string', 'null'] }` (objects and arrays likewise), which it writes without validating.
 */
export function serializationSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serializationSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const node = schema as SchemaNode;
  const nullable = nullableBranch(node);
  if (nullable) return serializationSchema({ ...withoutAnyOf(node), ...nullable, type: [nullable.type, 'null'] });
  const simplified: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(key) || (key === 'format' && !WRITTEN_FORMATS.has(String(value)))) continue;
    simplified[key] = key === 'properties' || key === 'patternProperties' ? mapValues(value as SchemaNode, serializationSchema) : serializationSchema(value);
  }
  return simplified;
}

/** The other branch of `anyOf: [X, null]` (either order) when X has one type and is no union itself. */
function nullableBranch(node: SchemaNode): SchemaNode | undefined {
  const branches = node.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return undefined;
  const [first, second] = branches as SchemaNode[];
  const other = first?.type === 'null' ? second : second?.type === 'null' ? first : undefined;
  if (!other || typeof other.type !== 'string' || !SINGLE_TYPES.has(other.type) || 'enum' in other || 'const' in other || 'anyOf' in other) return undefined;
  return other;
}

function withoutAnyOf(node: SchemaNode): SchemaNode {
  const { anyOf: _anyOf, ...rest } = node;
  return rest;
}

function mapValues(object: SchemaNode, map: (value: unknown) => unknown): SchemaNode {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
}

/**
 * A serializer for one branch of a response union, for a handler that knows which branch it sends
 * (`reply.serializer(…)`): fast-json-stringify would otherwise validate the whole body against the
 * first branch to choose.
 */
export function branchSerializer(schema: unknown): (payload: unknown) => string {
  return SerializerSelector()({}, {})({ schema: serializationSchema(schema) as Record<string, unknown>, method: 'GET', url: '', httpStatus: '200' }) as (payload: unknown) => string;
}

/** Fastify's own serializer compiler, given the serialization schemas of the routes' responses. */
export function serializerFactory(): NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer'] {
  const factory = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    return (route) => compile({ ...route, schema: serializationSchema(route.schema) as typeof route.schema });
  };
}
