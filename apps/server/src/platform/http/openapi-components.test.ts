import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '@maillage/contracts';
import { hoistSchemaIds, markRouteSchema, type SchemaDefinitions } from './openapi-components.js';

describe('OpenAPI components from TypeBox $id', () => {
  it('turns inline $id schemas, cyclic $defs and error responses into components and $refs', () => {
    const Node = Type.Cyclic({ Node: Type.Object({ name: Type.String(), children: Type.Array(Type.Ref('Node')) }) }, 'Node');
    const definitions: SchemaDefinitions = new Map();
    const marked = markRouteSchema(
      JSON.parse(JSON.stringify({ body: Type.Object({ a: Type.String() }), response: { 200: Type.Object({ tree: Node }), 404: ProblemSchema } })),
      ['PATCH'],
      definitions,
    );
    expect(marked.consumes).toEqual(['application/merge-patch+json']);
    const document = hoistSchemaIds({ openapi: '3.1.0', paths: { '/x': { get: { responses: marked.response } } } }, definitions);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual(['FieldError', 'Node', 'Problem']);
    expect(JSON.stringify(schemas.Node)).toContain('"$ref":"#/components/schemas/Node"');
    const responses = (document.paths as any)['/x'].get.responses; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(responses[404]).toEqual({ description: 'Not Found', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    expect(responses[200].properties.tree).toEqual({ $ref: '#/components/schemas/Node' });
    expect(JSON.stringify(document)).not.toMatch(/x-schema-|"\$id"|"\$defs"/);
  });
});
