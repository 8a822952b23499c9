import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Hostile or broken request bodies, sent over a real socket: each is refused with a problem
 * document, and the same process keeps serving the next request.
 */
describe('malformed and oversized request bodies', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (body: string) => fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('refuses a body over the 1 MiB limit with 413', async () => {
    const response = await login(JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses malformed JSON with 400 and no parser internals', async () => {
    const response = await login('{"email": "a@example.test", "password": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.text()).not.toMatch(/at JSON\.parse|node_modules/);
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/x-evil' }, body: 'x' });
    expect(response.status).toBe(415);
  });

  it('keeps serving afterwards', async () => {
    expect((await fetch(`${base}/livez`)).status).toBe(200);
    expect((await login(JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }))).status).toBe(401);
  });
});
