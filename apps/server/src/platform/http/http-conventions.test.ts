import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePermission } from '../auth/principal.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createWidgetsTable, insertWidgets, registerTestPrincipal, registerWidgetRoutes } from '../../test/widgets-fixture.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  TooManyRequestsError,
  UnauthenticatedError,
} from './errors.js';
import { problemResponses } from './responses.js';

const THROWERS: Record<string, () => Error> = {
  '401': () => new UnauthenticatedError(),
  '403': () => new ForbiddenError(),
  '404': () => new NotFoundError('Widget'),
  '409': () => new ConflictError('This code is already used.', 'code_taken'),
  '412': () => new PreconditionFailedError(),
  '428': () => new PreconditionRequiredError(),
  '429': () => new TooManyRequestsError('Slow down.', 30),
  '500': () => new Error('connection to 10.0.0.5 failed: password authentication failed for user "maillage"'),
};

describe('HTTP conventions: problem+json, preconditions, merge patch, deprecation, security headers', () => {
  let t: TestApp;
  let widgetId: string;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://backoffice.example.test' }, {
      registerRoutes: async (app, testDatabase) => {
        await createWidgetsTable(testDatabase.database);
        registerTestPrincipal(app);
        registerWidgetRoutes(app, testDatabase.database);
        app.get(
          '/api/v1/test-errors/:status',
          { schema: { params: Type.Object({ status: Type.String() }), response: { 200: Type.Object({}), ...problemResponses(401, 403, 404, 409, 412, 428, 429, 500) } } },
          async (request) => {
            throw THROWERS[request.params.status]!();
          },
        );
        app.get(
          '/api/v1/test-protected',
          { preHandler: requirePermission('test.things.read'), schema: { response: { 200: Type.Object({ ok: Type.Boolean() }), ...problemResponses(401, 403) } } },
          async () => ({ ok: true }),
        );
      },
    });
    [widgetId] = (await insertWidgets(t.testDatabase.database, [{ name: 'Première', amount: 10, note: 'à garder' }])) as [string];
  });
  afterAll(() => t.close());

  function expectProblem(response: Awaited<ReturnType<TestApp['app']['inject']>>, status: number, code: string) {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({ status, code, type: `urn:maillage:problem:${code}`, requestId: response.headers['x-request-id'] });
    expect(typeof body.title).toBe('string');
    expect(typeof body.detail).toBe('string');
    return body;
  }

  it('renders every AppError as problem+json with its status, code and headers', async () => {
    const codes: Record<string, string> = {
      '401': 'unauthenticated',
      '403': 'forbidden',
      '404': 'not_found',
      '409': 'code_taken',
      '412': 'precondition_failed',
      '428': 'precondition_required',
      '429': 'rate_limited',
    };
    for (const [status, code] of Object.entries(codes)) {
      const response = await t.app.inject(`/api/v1/test-errors/${status}`);
      expectProblem(response, Number(status), code);
    }
    expect((await t.app.inject('/api/v1/test-errors/429')).headers['retry-after']).toBe('30');
  });

  it('hides internals of a 500', async () => {
    const response = await t.app.inject('/api/v1/test-errors/500');
    const body = expectProblem(response, 500, 'internal_error');
    expect(JSON.stringify(body)).not.toMatch(/password|10\.0\.0\.5|maillage"/);
  });

  it('answers 401 without a principal and 403 without the permission', async () => {
    expectProblem(await t.app.inject('/api/v1/test-protected'), 401, 'unauthenticated');
    const userId = '0190a000-0000-7000-8000-000000000001';
    const denied = await t.app.inject({ url: '/api/v1/test-protected', headers: { 'x-test-user': userId, 'x-test-permissions': 'none' } });
    expect(expectProblem(denied, 403, 'forbidden').detail).toContain('test.things.read');
    expect((await t.app.inject({ url: '/api/v1/test-protected', headers: { 'x-test-user': userId } })).json()).toEqual({ ok: true });
  });

  it('answers 400 with a pointer for an unknown query parameter', async () => {
    const body = expectProblem(await t.app.inject('/api/v1/test-widgets?colour=blue'), 400, 'bad_request');
    expect(body.errors).toEqual([{ pointer: '/querystring/colour', message: "Ce champ n'est pas accepté ici." }]);
  });

  it('answers 422 listing every invalid body field with a JSON pointer', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/test-widgets', payload: { name: '', amount: -1, status: 'lost', extra: true } });
    const body = expectProblem(response, 422, 'validation_failed');
    const pointers = (body.errors as Array<{ pointer: string }>).map((error) => error.pointer).sort();
    expect(pointers).toEqual(expect.arrayContaining(['/amount', '/extra', '/name', '/status']));
  });

  it('answers 409 from a business rule, 413 for a body too large and 415 for an unknown media type', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/test-widgets', payload: { name: 'conflict', status: 'draft', amount: 1 } }), 409, 'conflict');
    const huge = JSON.stringify({ name: 'x'.repeat(1_100_000), status: 'draft', amount: 1 });
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/test-widgets', payload: huge, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/test-widgets', payload: '<widget/>', headers: { 'content-type': 'application/xml' } }), 415, 'unsupported_media_type');
  });

  it('sends an ETag and requires a matching If-Match to PATCH (merge patch) and DELETE', async () => {
    const read = await t.app.inject(`/api/v1/test-widgets/${widgetId}`);
    expect(read.headers.etag).toBe('"1"');
    const patch = (headers: Record<string, string>, payload: unknown = { name: 'Renommée', note: null }) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/test-widgets/${widgetId}`, payload: JSON.stringify(payload), headers: { 'content-type': 'application/merge-patch+json', ...headers } });
    expectProblem(await patch({}), 428, 'precondition_required');
    expectProblem(await patch({ 'if-match': '"7"' }), 412, 'precondition_failed');
    expectProblem(await patch({ 'if-match': 'W/"1"' }), 412, 'precondition_failed');
    expectProblem(
      await t.app.inject({ method: 'PATCH', url: `/api/v1/test-widgets/${widgetId}`, payload: { name: 'x' }, headers: { 'if-match': '"1"' } }),
      415,
      'unsupported_media_type',
    );
    const updated = await patch({ 'if-match': '"1"' });
    expect(updated.statusCode).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ name: 'Renommée', amount: 10, note: null, version: 2 });
    expectProblem(await patch({ 'if-match': '"1"' }, { amount: 1 }), 412, 'precondition_failed');
    expectProblem(await patch({ 'if-match': '"2"' }, { amount: 'ten' }), 422, 'validation_failed');
    expectProblem(await t.app.inject({ method: 'DELETE', url: `/api/v1/test-widgets/${widgetId}` }), 428, 'precondition_required');
    expectProblem(await t.app.inject({ method: 'DELETE', url: `/api/v1/test-widgets/${widgetId}`, headers: { 'if-match': '"1"' } }), 412, 'precondition_failed');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/test-widgets/${widgetId}`, headers: { 'if-match': '"2"' } })).statusCode).toBe(204);
    expectProblem(await t.app.inject(`/api/v1/test-widgets/${widgetId}`), 404, 'not_found');
  });

  it('announces deprecation and sunset on a deprecated route (RFC 9745, RFC 8594)', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: `/api/v1/test-widgets/0190a000-0000-7000-8000-00000000ffff`, headers: { 'if-match': '"1"' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers.deprecation).toBe(`@${Date.UTC(2026, 10, 1) / 1000}`);
    expect(response.headers.sunset).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
    expect(response.headers.link).toContain('<https://docs.example.test/widgets-v2>; rel="deprecation"');
    expect((await t.app.inject('/api/v1/test-widgets')).headers.deprecation).toBeUndefined();
  });

  it('sets a strict CSP and opens CORS only to configured origins', async () => {
    const response = await t.app.inject('/api/v1/test-widgets');
    // An API answer is never a page: it may load nothing and be framed nowhere.
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toBeUndefined(); // PUBLIC_URL is http here
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/test-widgets',
      headers: { origin: 'https://backoffice.example.test', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'if-match,idempotency-key' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://backoffice.example.test');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const refused = await t.app.inject({ url: '/api/v1/test-widgets', headers: { origin: 'https://evil.example.test' } });
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
