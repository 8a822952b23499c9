/**
 * Compares two OpenAPI 3.1 documents from the point of view of an existing client: what the new
 * one still accepts (requests may only widen) and what it may now return (responses may only narrow).
 * Breaking: removed operation or response, removed or narrowed response property, changed type,
 * removed enum value, new required parameter or body property, a property becoming required in input.
 * Everything else that differs is reported as additive.
 */

type Json = Record<string, unknown>;

export interface ApiChange {
  /** e.g. `GET /api/v1/entities` or `GET /api/v1/entities 200 items[].name`. */
  location: string;
  message: string;
}

export interface ApiDiff {
  breaking: ApiChange[];
  additive: ApiChange[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Direction = 'input' | 'output';

export function diffOpenApi(before: Json, after: Json): ApiDiff {
  const diff: ApiDiff = { breaking: [], additive: [] };
  const context: Context = { before, after, diff, seen: new Set() };
  const beforePaths = (before.paths ?? {}) as Record<string, Json>;
  const afterPaths = (after.paths ?? {}) as Record<string, Json>;
  for (const [path, beforeItem] of Object.entries(beforePaths)) {
    for (const method of METHODS) {
      const beforeOp = beforeItem[method] as Json | undefined;
      if (!beforeOp) continue;
      const location = `${method.toUpperCase()} ${path}`;
      const afterOp = afterPaths[path]?.[method] as Json | undefined;
      if (!afterOp) {
        diff.breaking.push({ location, message: 'operation removed' });
        continue;
      }
      compareOperation(context, location, beforeOp, afterOp);
    }
  }
  for (const [path, afterItem] of Object.entries(afterPaths)) {
    for (const method of METHODS) {
      if (afterItem[method] && !beforePaths[path]?.[method]) diff.additive.push({ location: `${method.toUpperCase()} ${path}`, message: 'operation added' });
    }
  }
  return diff;
}

interface Context {
  before: Json;
  after: Json;
  diff: ApiDiff;
  /** Referenced component pairs already compared. */
  seen: Set<string>;
}

function compareOperation(context: Context, location: string, beforeOp: Json, afterOp: Json): void {
  const { diff } = context;
  if (afterOp.deprecated && !beforeOp.deprecated) diff.additive.push({ location, message: 'operation deprecated' });
  compareParameters(context, location, (beforeOp.parameters ?? []) as Json[], (afterOp.parameters ?? []) as Json[]);

  const beforeBody = beforeOp.requestBody as Json | undefined;
  const afterBody = afterOp.requestBody as Json | undefined;
  if (afterBody) {
    if (!beforeBody) {
      if (afterBody.required) diff.breaking.push({ location, message: 'request body added and required' });
      else diff.additive.push({ location, message: 'optional request body added' });
    } else {
      if (afterBody.required && !beforeBody.required) diff.breaking.push({ location, message: 'request body became required' });
      compareContent(context, `${location} body`, beforeBody.content as Json, afterBody.content as Json, 'input');
    }
  } else if (beforeBody) {
    diff.breaking.push({ location, message: 'request body removed (clients sending one are refused)' });
  }

  const beforeResponses = (beforeOp.responses ?? {}) as Record<string, Json>;
  const afterResponses = (afterOp.responses ?? {}) as Record<string, Json>;
  for (const [status, beforeResponse] of Object.entries(beforeResponses)) {
    const afterResponse = afterResponses[status];
    if (!afterResponse) {
      // A success that can no longer happen changes what clients get; a vanished error status does not.
      if (status.startsWith('2')) diff.breaking.push({ location, message: `response ${status} removed` });
      else diff.additive.push({ location, message: `response ${status} no longer documented` });
      continue;
    }
    compareContent(context, `${location} ${status}`, beforeResponse.content as Json | undefined, afterResponse.content as Json | undefined, 'output');
  }
  for (const status of Object.keys(afterResponses)) {
    if (!beforeResponses[status]) diff.additive.push({ location, message: `response ${status} added` });
  }
}

function compareParameters(context: Context, location: string, beforeParams: Json[], afterParams: Json[]): void {
  const key = (p: Json) => `${String(p.in)}:${String(p.name)}`;
  const beforeByKey = new Map(beforeParams.map((p) => [key(p), p]));
  const afterByKey = new Map(afterParams.map((p) => [key(p), p]));
  for (const [name, afterParam] of afterByKey) {
    const beforeParam = beforeByKey.get(name);
    const where = `${location} parameter ${String(afterParam.in)} ${String(afterParam.name)}`;
    if (!beforeParam) {
      if (afterParam.required) context.diff.breaking.push({ location: where, message: 'new required parameter' });
      else context.diff.additive.push({ location: where, message: 'optional parameter added' });
      continue;
    }
    if (afterParam.required && !beforeParam.required) context.diff.breaking.push({ location: where, message: 'parameter became required' });
    compareSchemas(context, where, beforeParam.schema as Json | undefined, afterParam.schema as Json | undefined, 'input');
  }
  for (const [name, beforeParam] of beforeByKey) {
    if (afterByKey.has(name)) continue;
    // Unknown query parameters are refused (400), so a removed one breaks the clients that send it.
    const where = `${location} parameter ${String(beforeParam.in)} ${String(beforeParam.name)}`;
    if (beforeParam.in === 'query' || beforeParam.in === 'path') context.diff.breaking.push({ location: where, message: 'parameter removed' });
    else context.diff.additive.push({ location: where, message: 'parameter removed' });
  }
}

function compareContent(context: Context, location: string, before: Json | undefined, after: Json | undefined, direction: Direction): void {
  for (const [mediaType, beforeMedia] of Object.entries(before ?? {})) {
    const afterMedia = (after ?? {})[mediaType] as Json | undefined;
    if (!afterMedia) {
      context.diff.breaking.push({ location, message: `media type ${mediaType} removed` });
      continue;
    }
    compareSchemas(context, location, (beforeMedia as Json).schema as Json | undefined, afterMedia.schema as Json | undefined, direction);
  }
  for (const mediaType of Object.keys(after ?? {})) {
    if (!(before ?? {})[mediaType]) context.diff.additive.push({ location, message: `media type ${mediaType} added` });
  }
}

/** The parts of a JSON Schema this comparison understands, with refs resolved and unions flattened. */
interface Shape {
  types: Set<string>;
  /** Allowed values when the schema is a closed set (enum, const, union of literals). */
  values: Set<string> | null;
  properties: Record<string, Json>;
  required: Set<string>;
  items: Json | undefined;
  /** `additionalProperties: false`: an input property removed is then refused. */
  closed: boolean;
}

function compareSchemas(context: Context, location: string, beforeRaw: Json | undefined, afterRaw: Json | undefined, direction: Direction): void {
  if (!beforeRaw || !afterRaw) return;
  // A pair of referenced components is compared once per direction in the whole diff: cyclic schemas
  // (trees) terminate, and a change inside a shared component (Problem…) is reported once, at the
  // component, instead of once per route and status.
  if (beforeRaw.$ref || afterRaw.$ref) {
    const pairKey = `${String(beforeRaw.$ref ?? '')}|${String(afterRaw.$ref ?? '')}|${direction}`;
    if (context.seen.has(pairKey)) return;
    context.seen.add(pairKey);
    if (beforeRaw.$ref === afterRaw.$ref && typeof beforeRaw.$ref === 'string') {
      location = `schema ${beforeRaw.$ref.replace('#/components/schemas/', '')} (${direction})`;
    }
  }
  const before = shapeOf(context.before, beforeRaw);
  const after = shapeOf(context.after, afterRaw);
  const { diff } = context;

  // Types: requests may accept more, responses may return less.
  const removed = [...before.types].filter((type) => !after.types.has(type) && !(type === 'integer' && after.types.has('number')));
  const added = [...after.types].filter((type) => !before.types.has(type) && !(type === 'integer' && before.types.has('number')));
  if (before.types.size > 0 && after.types.size > 0) {
    if (removed.length > 0 && added.length > 0) diff.breaking.push({ location, message: `type changed from ${[...before.types].join('|')} to ${[...after.types].join('|')}` });
    else if (direction === 'input' && removed.length > 0) diff.breaking.push({ location, message: `type narrowed: no longer accepts ${removed.join('|')}` });
    else if (direction === 'output' && added.length > 0) diff.breaking.push({ location, message: `may now return ${added.join('|')}` });
    else if (removed.length + added.length > 0) diff.additive.push({ location, message: `type ${direction === 'input' ? 'widened' : 'narrowed'}` });
  }

  // Closed value sets: a removed value breaks clients that send it or handle it.
  if (before.values && after.values) {
    const gone = [...before.values].filter((value) => !after.values!.has(value));
    const fresh = [...after.values].filter((value) => !before.values!.has(value));
    if (gone.length > 0) diff.breaking.push({ location, message: `enum value removed: ${gone.join(', ')}` });
    if (fresh.length > 0) diff.additive.push({ location, message: `enum value added: ${fresh.join(', ')}` });
  } else if (!before.values && after.values && direction === 'input') {
    diff.breaking.push({ location, message: 'now restricted to a set of values' });
  }

  for (const [name, beforeProperty] of Object.entries(before.properties)) {
    const where = `${location} ${name}`;
    const afterProperty = after.properties[name];
    if (!afterProperty) {
      if (direction === 'output') diff.breaking.push({ location: where, message: 'response property removed' });
      else if (after.closed) diff.breaking.push({ location: where, message: 'input property removed (clients sending it are refused)' });
      else diff.additive.push({ location: where, message: 'input property removed' });
      continue;
    }
    if (direction === 'input' && after.required.has(name) && !before.required.has(name)) diff.breaking.push({ location: where, message: 'property became required' });
    if (direction === 'output' && before.required.has(name) && !after.required.has(name)) diff.breaking.push({ location: where, message: 'property may now be absent' });
    compareSchemas(context, where, beforeProperty, afterProperty, direction);
  }
  for (const name of Object.keys(after.properties)) {
    if (before.properties[name]) continue;
    const where = `${location} ${name}`;
    if (direction === 'input' && after.required.has(name)) diff.breaking.push({ location: where, message: 'new required property' });
    else diff.additive.push({ location: where, message: `${direction === 'input' ? 'optional input' : 'response'} property added` });
  }
  if (before.items && after.items) compareSchemas(context, `${location}[]`, before.items, after.items, direction);
}

function shapeOf(document: Json, schema: Json): Shape {
  const shape: Shape = { types: new Set(), values: null, properties: {}, required: new Set(), items: undefined, closed: false };
  const visit = (raw: Json, depth: number): void => {
    const node = resolve(document, raw);
    if (depth > 20) return;
    const members = (node.anyOf ?? node.oneOf) as Json[] | undefined;
    if (members) {
      for (const member of members) visit(member, depth + 1);
      return;
    }
    for (const member of (node.allOf ?? []) as Json[]) visit(member, depth + 1);
    const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
    for (const type of types) shape.types.add(type);
    if (node.nullable === true) shape.types.add('null');
    const literals = node.const !== undefined ? [node.const] : Array.isArray(node.enum) ? (node.enum as unknown[]) : null;
    if (literals) {
      shape.values ??= new Set();
      for (const value of literals) shape.values.add(JSON.stringify(value));
    } else if (types.length > 0 && !types.every((type) => type === 'null')) {
      // One open member (a plain string…) makes the whole union open.
      shape.values = null;
      markOpen = true;
    }
    if (node.type === 'null' || (types.length === 1 && types[0] === 'null')) shape.values?.add('null');
    Object.assign(shape.properties, (node.properties ?? {}) as Record<string, Json>);
    for (const name of (node.required ?? []) as string[]) shape.required.add(name);
    if (node.items && typeof node.items === 'object') shape.items = node.items as Json;
    if (node.additionalProperties === false) shape.closed = true;
  };
  let markOpen = false;
  visit(schema, 0);
  if (markOpen) shape.values = null;
  return shape;
}

function resolve(document: Json, schema: Json): Json {
  let node = schema;
  for (let i = 0; i < 10 && typeof node.$ref === 'string'; i++) {
    const ref = node.$ref as string;
    if (!ref.startsWith('#/')) return node;
    let target: unknown = document;
    for (const segment of ref.slice(2).split('/')) {
      target = (target as Json | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    if (typeof target !== 'object' || target === null) return node;
    node = target as Json;
  }
  return node;
}
