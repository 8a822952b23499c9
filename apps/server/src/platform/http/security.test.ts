import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurity } from './security.js';

async function appWith(publicUrl: string, corsOrigins: string[] = []) {
  const app = Fastify();
  await registerSecurity(app, { publicUrl, corsOrigins });
  app.get('/x', async () => ({ ok: true }));
  app.get('/api/v1/x', async () => ({ ok: true }));
  await app.ready();
  return app;
}

describe('security headers', () => {
  it('sends HSTS and upgrade-insecure-requests only behind https', async () => {
    const https = await appWith('https://maillage.example.fr');
    const secure = await https.inject('/x');
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const http = await appWith('http://localhost:3000');
    const plain = await http.inject('/x');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await Promise.all([https.close(), http.close()]);
  });

  it('gives API answers a policy that loads nothing, and pages the full policy', async () => {
    const app = await appWith('https://maillage.example.fr');
    const api = await app.inject('/api/v1/x');
    expect(api.headers).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
    expect(api.headers['cross-origin-opener-policy']).toBeUndefined();
    const page = await app.inject('/x');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    await app.close();
  });

  it('keeps CORS closed without configured origins', async () => {
    const app = await appWith('http://localhost:3000');
    const preflight = await app.inject({ method: 'OPTIONS', url: '/x', headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});
