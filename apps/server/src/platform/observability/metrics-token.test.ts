import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

const TOKEN = 'scrape-token-0123456789abcdef';

describe('/metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  it('refuses a scrape without the bearer token or with a wrong one', async () => {
    const missing = await t.app.inject('/metrics');
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'metrics_token_required' });
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
  });

  it('serves the metrics to a scraper presenting the token', async () => {
    const response = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('refuses a token too short to resist guessing', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' }, [])).toThrow(/METRICS_TOKEN/);
  });
});
