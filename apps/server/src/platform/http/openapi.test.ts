/* eslint-disable @typescript-eslint/no-explicit-any -- assertions walk a loosely typed JSON document */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createWidgetsTable, registerWidgetRoutes } from '../../test/widgets-fixture.js';
import { checkOpenApi } from './openapi-check.js';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('OpenAPI document and API docs page', () => {
  let t: TestApp;
  let document: Json;
  beforeAll(async () => {
    t = await createTestApp({}, {
      registerRoutes: async (app, testDatabase) => {
        await createWidgetsTable(testDatabase.database);
        registerWidgetRoutes(app, testDatabase.database);
      },
    });
    const response = await t.app.inject('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    document = response.json();
  });
  afterAll(() => t.close());

  function operations(): Array<[string, Json]> {
    return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => [`${method.toUpperCase()} ${path}`, item[method]] as [string, Json]),
    );
  }

  it('is an OpenAPI 3.1 document with our info, servers and security schemes', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Maillage API', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(document.servers).toEqual([{ url: '/', description: 'This server' }]);
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.schemas.Problem).toMatchObject({ type: 'object' });
    expect(document.components.schemas.Problem.properties.errors.items).toEqual({ $ref: '#/components/schemas/FieldError' });
  });

  it('declares responses with a description on every operation, errors as problem+json', () => {
    const missing: string[] = [];
    for (const [name, operation] of operations()) {
      const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>);
      if (!responses.some(([status]) => status.startsWith('2'))) missing.push(`${name}: no success response`);
      for (const [status, response] of responses) {
        if (!response.description || response.description === 'Default Response') missing.push(`${name} ${status}: no description`);
        if (Number(status) >= 400 && !response.content?.['application/problem+json']) missing.push(`${name} ${status}: not problem+json`);
        // 202 may be bodiless (an MCP notification accepted); 204 and 304 always are.
        if (!['202', '204', '304'].includes(status) && Number(status) < 300 && !response.content) missing.push(`${name} ${status}: no schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('resolves every $ref', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const path = ref.slice(8, -1);
      expect(path.startsWith('#/components/schemas/'), path).toBe(true);
      expect(document.components.schemas[path.slice('#/components/schemas/'.length)], path).toBeDefined();
    }
  });

  it('documents collections, merge patch, idempotency and deprecation', () => {
    const list = document.paths['/api/v1/test-widgets'].get;
    const names = list.parameters.map((p: Json) => p.name);
    expect(names).toEqual(expect.arrayContaining(['filter[status]', 'filter[status][in]', 'filter[createdAt][gte]', 'sort', 'limit', 'cursor', 'count']));
    expect(Object.keys(list.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(list.responses['200'].content['application/json'].schema.properties.items.items).toEqual({ $ref: '#/components/schemas/TestWidget' });
    const patch = document.paths['/api/v1/test-widgets/{id}'].patch;
    expect(Object.keys(patch.requestBody.content)).toEqual(['application/merge-patch+json']);
    const post = document.paths['/api/v1/test-widgets'].post;
    expect(post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false })]));
    expect(document.paths['/api/v1/test-widgets/{id}'].delete.deprecated).toBe(true);
  });

  it('compares equal to itself through the api:check logic', () => {
    expect(checkOpenApi(document, structuredClone(document))).toMatchObject({ ok: true, stale: false });
  });

  it('serves the docs page from the server itself, under the strict CSP', async () => {
    const page = await t.app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const bundle = await t.app.inject('/api/docs/static/swagger-ui-bundle.js');
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toContain('javascript');
    const initializer = await t.app.inject('/api/docs/static/swagger-initializer.js');
    expect(initializer.statusCode).toBe(200);
    expect((await t.app.inject('/api/docs/json')).json().openapi).toBe('3.1.0');
  });
});
