import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import type { App } from '../../app.js';
import type { Principal } from '../auth/principal.js';
import { createObservedApp, type ObservedApp } from '../../test/observed-app.js';
import { serializeError } from './logger.js';

const USER_ID = '0192f0c1-7a6e-7cc3-a1b2-0123456789ab';
const ENTITY_ID = '0192f0c1-7a6e-7cc3-a1b2-abcdefabcdef';

function addProbeRoutes(app: App): void {
  // The auth plugin resolves the principal; these probes stand in for it to see what the log keeps.
  const asUser = async (request: { principal: Principal | null }) => {
    request.principal = { userId: USER_ID, email: 'jeanne.martin@example.fr' } as unknown as Principal;
  };
  app.get('/api/v1/probe-items/:id', { onRequest: asUser, schema: { params: Type.Object({ id: Type.String() }) } }, async (request) => ({
    id: request.params.id,
  }));
  app.get('/api/v1/entities/:id/probe', { schema: { params: Type.Object({ id: Type.String() }) } }, async () => ({ ok: true }));
  app.get('/api/v1/probe-failures', async () => {
    throw Object.assign(new Error('duplicate key value violates unique constraint "persons_email_key"'), {
      code: '23505',
      constraint: 'persons_email_key',
      detail: 'Key (email)=(jeanne.martin@example.fr) already exists.',
    });
  });
}

describe('request log', () => {
  let t: ObservedApp;
  const completions = () => t.logLines.filter((line) => line.msg === 'request completed');
  beforeAll(async () => {
    t = await createObservedApp({}, addProbeRoutes);
  });
  afterAll(() => t.close());

  it('writes one line per request, on completion, with ids, route template, status and duration', async () => {
    t.logLines.length = 0;
    await t.app.inject({
      url: '/api/v1/probe-items/42?email=jeanne.martin@example.fr',
      headers: { 'x-request-id': 'req-log-1', 'x-entity-id': ENTITY_ID, cookie: 'maillage_session=s3cr3t' },
    });
    expect(t.logLines).toHaveLength(1);
    const [line] = completions();
    expect(line).toMatchObject({
      level: 30,
      requestId: 'req-log-1',
      userId: USER_ID,
      entityId: ENTITY_ID,
      method: 'GET',
      route: '/api/v1/probe-items/:id',
      status: 200,
    });
    expect(typeof line!.durationMs).toBe('number');
    const raw = JSON.stringify(t.logLines);
    expect(raw).not.toContain('jeanne.martin');
    expect(raw).not.toContain('s3cr3t');
    expect(raw).not.toContain('/api/v1/probe-items/42');
  });

  it('takes the entity id from an entity route, and ignores an entity header that is not a UUID', async () => {
    t.logLines.length = 0;
    await t.app.inject({ url: `/api/v1/entities/${ENTITY_ID}/probe` });
    await t.app.inject({ url: '/api/v1/probe-items/7', headers: { 'x-entity-id': 'Jeanne Martin <jeanne@example.fr>' } });
    const [entityRoute, badHeader] = completions();
    expect(entityRoute).toMatchObject({ route: '/api/v1/entities/:id/probe', entityId: ENTITY_ID });
    expect(entityRoute).not.toHaveProperty('userId');
    expect(badHeader).not.toHaveProperty('entityId');
    expect(JSON.stringify(t.logLines)).not.toContain('jeanne@example.fr');
  });

  it('logs a 404 as route "unmatched" without the raw URL', async () => {
    t.logLines.length = 0;
    await t.app.inject('/api/v1/persons-by-email/jeanne.martin@example.fr');
    expect(t.logLines).toHaveLength(1);
    expect(completions()[0]).toMatchObject({ route: 'unmatched', status: 404 });
    expect(JSON.stringify(t.logLines)).not.toContain('jeanne.martin');
  });

  it('logs a failure with its cause but without the row values a database error quotes', async () => {
    t.logLines.length = 0;
    const response = await t.app.inject({ url: '/api/v1/probe-failures', headers: { 'x-request-id': 'req-log-failed' } });
    expect(response.statusCode).toBe(500);
    const failure = t.logLines.find((line) => line.msg === 'request failed');
    // Written through the request's own logger (created only when used), which binds the request id.
    expect(failure).toMatchObject({ requestId: 'req-log-failed', err: { code: '23505', constraint: 'persons_email_key' } });
    expect(completions()[0]).toMatchObject({ route: '/api/v1/probe-failures', status: 500 });
    expect(JSON.stringify(t.logLines)).not.toContain('jeanne.martin');
  });

  it('sends health probes and scrapes to debug level', async () => {
    t.logLines.length = 0;
    await t.app.inject('/livez');
    await t.app.inject('/metrics');
    expect(completions().map((line) => line.level)).toEqual([20, 20]);
  });
});

describe('serializeError', () => {
  it('keeps the cause chain and named fields, and drops anything else an error carries', () => {
    const cause = Object.assign(new Error('connection reset'), { code: 'ECONNRESET', where: 'SQL statement "…jeanne…"' });
    const error = Object.assign(new Error('query failed', { cause }), { parameters: ['jeanne.martin@example.fr'] });
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({ type: 'Error', message: 'query failed', cause: { message: 'connection reset', code: 'ECONNRESET' } });
    expect(JSON.stringify(serialized)).not.toContain('jeanne');
    expect(serializeError('plain string')).toEqual({ type: 'string', message: 'plain string' });
  });
});
