import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { cacheControlFor } from './backoffice.js';

describe('back-office static serving', () => {
  let dir: string;
  let testApp: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'maillage-backoffice-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><mx-root></mx-root></body></html>');
    writeFileSync(join(dir, 'main-ABCD1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    testApp = await createTestApp({ BACKOFFICE_DIR: dir });
  });

  afterAll(async () => {
    await testApp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/admin/users', '/admin/users/0190?sort=name']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<mx-root>');
    }
  });

  it('caches hashed bundles for a year and other files for an hour', async () => {
    const bundle = await testApp.app.inject({ method: 'GET', url: '/main-ABCD1234.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await testApp.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('answers 404 problem+json, not the SPA, for API and public-site paths and missing assets', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/sites/unknown', '/chunk-MISSING1.js']) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('keeps the security headers on the shell', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/dashboard' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('names the cache policy from the file name', () => {
    expect(cacheControlFor('/x/index.html')).toBe('no-cache');
    expect(cacheControlFor('/x/chunk-Z3F7UQXL.js')).toContain('immutable');
    expect(cacheControlFor('/x/styles-PKU6HGL3.css')).toContain('immutable');
    expect(cacheControlFor('/x/favicon.svg')).toBe('public, max-age=3600');
  });
});
