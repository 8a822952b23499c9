/* eslint-disable @typescript-eslint/no-explicit-any -- the fixtures mutate deep, loosely typed JSON documents */
import { describe, expect, it } from 'vitest';
import { checkOpenApi } from './openapi-check.js';
import { diffOpenApi } from './openapi-diff.js';

type Json = Record<string, unknown>;

/** A small document in the shape @fastify/swagger produces. */
function baseDocument(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'Maillage API', version: '1.0.0' },
    components: {
      schemas: {
        Widget: {
          type: 'object',
          required: ['id', 'name', 'status'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            name: { type: 'string' },
            status: { anyOf: [{ type: 'string', enum: ['draft'] }, { type: 'string', enum: ['active'] }] },
            note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          },
        },
        Problem: { type: 'object', properties: { code: { type: 'string' } } },
      },
    },
    paths: {
      '/api/v1/widgets': {
        get: {
          parameters: [
            { in: 'query', name: 'limit', required: false, schema: { type: 'integer' } },
            { in: 'query', name: 'filter[status]', required: false, schema: { type: 'string', enum: ['draft', 'active'] } },
          ],
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } } },
                },
              },
            },
            '400': { description: 'Bad Request', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
          },
        },
        post: {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['name'],
                  properties: { name: { type: 'string' }, status: { type: 'string', enum: ['draft', 'active'] }, amount: { type: 'integer' } },
                },
              },
            },
          },
          responses: { '201': { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } } },
        },
      },
      '/api/v1/widgets/{id}': {
        delete: { parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'No Content' } } },
      },
    },
  };
}

function changed(mutate: (document: any) => void): Json {
  const document = baseDocument();
  mutate(document);
  return document;
}

const messages = (changes: Array<{ location: string; message: string }>) => changes.map((change) => `${change.location}: ${change.message}`);

describe('OpenAPI breaking-change detection', () => {
  it('finds nothing between identical documents', () => {
    const result = checkOpenApi(baseDocument(), baseDocument());
    expect(result).toMatchObject({ ok: true, stale: false, diff: { breaking: [], additive: [] } });
  });

  it.each([
    ['a removed operation', (d: any) => delete d.paths['/api/v1/widgets/{id}'].delete, 'DELETE /api/v1/widgets/{id}: operation removed'],
    ['a removed response property', (d: any) => delete d.components.schemas.Widget.properties.name, 'schema Widget (output) name: response property removed'],
    ['a removed enum value (input)', (d: any) => (d.paths['/api/v1/widgets'].get.parameters[1].schema.enum = ['draft']), 'enum value removed: "active"'],
    ['a removed enum value (output)', (d: any) => d.components.schemas.Widget.properties.status.anyOf.pop(), 'enum value removed: "active"'],
    ['a changed type', (d: any) => (d.components.schemas.Widget.properties.id = { type: 'integer' }), 'type changed from string to integer'],
    ['a narrowed input type', (d: any) => (d.paths['/api/v1/widgets'].post.requestBody.content['application/json'].schema.properties.amount = { type: 'string', enum: ['1'] }), 'type changed'],
    ['a response that may now be null', (d: any) => (d.components.schemas.Widget.properties.name = { anyOf: [{ type: 'string' }, { type: 'null' }] }), 'may now return null'],
    ['a new required parameter', (d: any) => d.paths['/api/v1/widgets'].get.parameters.push({ in: 'query', name: 'entityId', required: true, schema: { type: 'string' } }), 'new required parameter'],
    [
      'a new required body property',
      (d: any) => {
        const schema = d.paths['/api/v1/widgets'].post.requestBody.content['application/json'].schema;
        schema.properties.entityId = { type: 'string' };
        schema.required.push('entityId');
      },
      'entityId: new required property',
    ],
    ['an input property becoming required', (d: any) => d.paths['/api/v1/widgets'].post.requestBody.content['application/json'].schema.required.push('amount'), 'amount: property became required'],
    ['a removed query parameter', (d: any) => d.paths['/api/v1/widgets'].get.parameters.pop(), 'filter[status]: parameter removed'],
    ['a response property becoming optional', (d: any) => (d.components.schemas.Widget.required = ['id', 'status']), 'name: property may now be absent'],
    ['a removed success response', (d: any) => delete d.paths['/api/v1/widgets'].post.responses['201'], 'response 201 removed'],
  ])('fails on %s', (_name, mutate, expected) => {
    const result = checkOpenApi(baseDocument(), changed(mutate));
    expect(result.ok).toBe(false);
    expect(messages(result.diff.breaking).join('\n')).toContain(expected);
    expect(result.report.at(-1)).toMatch(/breaking change/);
  });

  it('passes additive changes and lists them', () => {
    const after = changed((d) => {
      d.paths['/api/v1/widgets'].get.parameters.push({ in: 'query', name: 'filter[name][contains]', required: false, schema: { type: 'string' } });
      d.components.schemas.Widget.properties.createdAt = { type: 'string', format: 'date-time' };
      d.paths['/api/v1/widgets'].post.requestBody.content['application/json'].schema.properties.note = { type: 'string' };
      d.paths['/api/v1/widgets'].post.requestBody.content['application/json'].schema.properties.status.enum.push('archived');
      d.paths['/api/v1/widgets'].get.responses['200'].content['text/csv'] = { schema: { type: 'string' } };
      d.paths['/api/v1/widgets'].get.deprecated = true;
      d.paths['/api/v1/widgets/{id}'].get = { responses: { '200': { description: 'OK' } } };
    });
    const result = checkOpenApi(baseDocument(), after);
    expect(result.diff.breaking).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.stale).toBe(true);
    expect(messages(result.diff.additive)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/widgets/{id}: operation added',
        'GET /api/v1/widgets parameter query filter[name][contains]: optional parameter added',
        'schema Widget (output) createdAt: response property added',
        'POST /api/v1/widgets body note: optional input property added',
        'POST /api/v1/widgets body status: enum value added: "archived"',
        'GET /api/v1/widgets 200: media type text/csv added',
        'GET /api/v1/widgets: operation deprecated',
      ]),
    );
    expect(result.report.at(-1)).toMatch(/out of date: run `npm run api:export`/);
  });

  it('terminates on cyclic schemas and still sees changes inside them', () => {
    const withTree = (nodeName: unknown) =>
      changed((d) => {
        d.components.schemas.Node = {
          type: 'object',
          required: ['name'],
          properties: { name: nodeName, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
        };
        d.components.schemas.Widget.properties.tree = { $ref: '#/components/schemas/Node' };
      });
    expect(diffOpenApi(withTree({ type: 'string' }), withTree({ type: 'string' }))).toEqual({ breaking: [], additive: [] });
    expect(messages(diffOpenApi(withTree({ type: 'string' }), withTree({ type: 'integer' })).breaking)[0]).toContain('schema Node (output) name: type changed');
  });

  it('treats a widened input and a narrowed output as compatible', () => {
    const after = changed((d) => {
      d.paths['/api/v1/widgets'].post.requestBody.content['application/json'].schema.properties.amount = { type: ['integer', 'null'] };
      d.components.schemas.Widget.properties.note = { type: 'string' };
    });
    expect(diffOpenApi(baseDocument(), after).breaking).toEqual([]);
  });
});
