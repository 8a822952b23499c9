import { STATUS_CODES } from 'node:http';
import { MERGE_PATCH_CONTENT_TYPE, PROBLEM_CONTENT_TYPE } from '@maillage/contracts';

type Json = Record<string, unknown>;

/**
 * Routes embed shared TypeBox schemas inline (`response: { 404: ProblemSchema }`). @fastify/swagger
 * drops inline `$id`s, so each route would get its own copy: `markSchemaIds` (swagger `transform`,
 * per route) renames them to a vendor key it keeps, and `hoistSchemaIds` (`transformObject`) turns
 * each into one `components.schemas` entry plus `$ref`s, so that clients generate one `Problem` type.
 * Error responses are also documented as `application/problem+json`, with a real description.
 */

const MARKER = 'x-schema-id';
const REF_MARKER = 'x-schema-ref';
const PROBLEM_ID = 'Problem';

/** Schemas defined in route schemas' `$defs` (TypeBox `Type.Cyclic`), collected for `components`. */
export type SchemaDefinitions = Map<string, Json>;

export function markRouteSchema(schema: Json, methods: readonly string[] = [], definitions: SchemaDefinitions = new Map()): Json {
  const marked = mark(schema, definitions) as Json;
  // PATCH bodies are JSON Merge Patch documents (see merge-patch.ts).
  if (methods.includes('PATCH') && marked.body && !marked.consumes) marked.consumes = [MERGE_PATCH_CONTENT_TYPE];
  const responses = marked.response as Record<string, Json> | undefined;
  if (responses) {
    for (const [status, response] of Object.entries(responses)) responses[status] = documentResponse(status, response);
  }
  return marked;
}

function documentResponse(status: string, response: Json): Json {
  if (response.content) return response;
  const description = typeof response.description === 'string' ? response.description : (STATUS_CODES[Number(status)] ?? 'Response');
  if (response[MARKER] === PROBLEM_ID) {
    return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: response } } };
  }
  return { ...response, description };
}

function mark(node: unknown, definitions: SchemaDefinitions): unknown {
  if (Array.isArray(node)) return node.map((item) => mark(item, definitions));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' && typeof value === 'string' && isSchemaName(value)) {
      copy[MARKER] = value;
    } else if (key === '$ref' && typeof value === 'string' && isSchemaName(value)) {
      // A reference by $id (`Type.Ref('Name')`): swagger would leave it dangling.
      copy[REF_MARKER] = value;
    } else if (key === '$defs' && typeof value === 'object' && value !== null) {
      // Swagger drops `$defs` next to a `$ref`; they become components instead.
      for (const [name, definition] of Object.entries(value as Json)) {
        if (isSchemaName(name) && !definitions.has(name)) definitions.set(name, mark({ ...(definition as Json), $id: undefined }, definitions) as Json);
      }
    } else {
      copy[key] = mark(value, definitions);
    }
  }
  return copy;
}

export function hoistSchemaIds(document: Json, definitions: SchemaDefinitions = new Map()): Json {
  const output = structuredClone(document);
  const components = (output.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Json;
  for (const [name, definition] of definitions) schemas[name] ??= structuredClone(definition);
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const { [MARKER]: name, [REF_MARKER]: reference, ...rest } = node as Json;
    if (typeof reference === 'string') return { $ref: `#/components/schemas/${reference}` };
    const copy: Json = {};
    for (const [key, value] of Object.entries(rest)) copy[key] = visit(value);
    if (typeof name !== 'string') return copy;
    if (!(name in schemas)) schemas[name] = copy;
    return { $ref: `#/components/schemas/${name}` };
  };
  for (const key of Object.keys(output)) {
    if (key !== 'components') output[key] = visit(output[key]);
  }
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = visit(schema);
  return output;
}

function isSchemaName(id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(id);
}
