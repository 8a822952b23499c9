import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { insertContent, insertSite, setPublished } from '../../../test/factories/cms-delivery.js';
import { createObservedApp, type ObservedApp } from '../../../test/observed-app.js';

const ARTICLE = '/sites/national/actualites/assemblee-generale';

/** A GET over real HTTP (fetch may not set Host), with the answer's status, headers and body. */
function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${base}${path}`, { method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject).end();
  });
}

/** Headers that differ between any two responses. */
function lasting(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, 'x-request-id': _id, ...rest } = headers;
  return rest;
}

describe('front door: cached public pages answered before routing', () => {
  let observed: ObservedApp;
  let base: string;
  let siteId: string;
  let entityId: string;
  const previousTtl = process.env.CMS_SITE_TTL_MS;
  const answered = () => observed.app.frontDoor.answered;

  beforeAll(async () => {
    // A site's state is trusted for 2 s: long enough for a slow first rendering, short for the last test.
    process.env.CMS_SITE_TTL_MS = '2000';
    observed = await createObservedApp({ LOG_LEVEL: 'info' });
    const { database } = observed.testDatabase;
    const { ids } = await createSmallNetwork(database);
    entityId = ids.FR!;
    siteId = await insertSite(database, { entityId, slug: 'national', name: 'Confédération nationale', hostNames: ['www.national.test'] });
    await insertContent(database, { siteId, entityId, kind: 'article', slug: 'assemblee-generale', title: 'Assemblée générale 2026', publishedAt: new Date('2026-11-20T10:00:00Z') });
    await observed.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(observed.app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (previousTtl === undefined) delete process.env.CMS_SITE_TTL_MS;
    else process.env.CMS_SITE_TTL_MS = previousTtl;
    await observed.close();
  });

  it('answers a page Fastify served once with the same status, headers and body, logged and counted like the route', async () => {
    const first = await get(base, ARTICLE);
    const before = answered();
    const second = await get(base, ARTICLE, { 'x-request-id': 'visite-42' });

    expect(answered()).toBe(before + 1);
    expect(second.status).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.body).toContain('Assemblée générale 2026');
    expect(lasting(second.headers)).toEqual(lasting(first.headers));
    expect(second.headers['content-security-policy']).toContain("script-src 'none'");
    expect(second.headers['x-content-type-options']).toBe('nosniff');
    expect(second.headers['x-request-id']).toBe('visite-42');

    const line = observed.logLines.find((entry) => entry.requestId === 'visite-42');
    expect(line).toMatchObject({ msg: 'request completed', method: 'GET', route: '/sites/:slug/*', status: 200 });
    const metrics = (await get(base, '/metrics')).body;
    const served = metrics.match(/http_requests_total\{method="GET",route="\/sites\/:slug\/\*",route_class="internal",status_code="200"\} (\d+)/);
    expect(Number(served?.[1])).toBeGreaterThanOrEqual(2);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, like the route', async () => {
    const page = await get(base, ARTICLE);
    const before = answered();
    const byEtag = await get(base, ARTICLE, { 'if-none-match': String(page.headers.etag) });
    const byDate = await get(base, ARTICLE, { 'if-modified-since': String(page.headers['last-modified']) });
    expect([byEtag.status, byDate.status]).toEqual([304, 304]);
    expect(byEtag.body).toBe('');
    expect(byEtag.headers.etag).toBe(page.headers.etag);
    expect(answered()).toBe(before + 2);
  });

  it('serves a mapped host name and the embedded home the same way', async () => {
    const hosted = await get(base, '/actualites/assemblee-generale', { host: 'www.national.test' });
    const before = answered();
    const again = await get(base, '/actualites/assemblee-generale', { host: 'www.national.test' });
    expect(again.body).toBe(hosted.body);
    expect(lasting(again.headers)).toEqual(lasting(hosted.headers));
    expect(answered()).toBe(before + 1);

    const home = await get(base, '/sites/national');
    const homeAgain = await get(base, '/sites/national');
    expect(homeAgain.body).toBe(home.body);
    expect(answered()).toBe(before + 2);
    // Another host is not a site: the path stays the back-office's (its page, or a 404), never a cached page.
    const elsewhere = await get(base, '/actualites/assemblee-generale', { host: 'ailleurs.test' });
    expect(elsewhere.body).not.toContain('Assemblée générale 2026');
    expect(answered()).toBe(before + 2);
  });

  it('leaves to Fastify what it cannot answer the same way: query strings, HEAD, cookies, Origin, unknown sites and paths', async () => {
    await get(base, ARTICLE);
    const before = answered();
    const head = await get(base, ARTICLE, {}, 'HEAD');
    const withQuery = await get(base, `${ARTICLE}?utm_source=lettre`);
    const withCookie = await get(base, ARTICLE, { cookie: 'x=1' });
    const withOrigin = await get(base, ARTICLE, { origin: 'https://ailleurs.test' });
    const unknownSite = await get(base, '/sites/inconnu/actualites');
    const unknownPath = await get(base, '/sites/national/introuvable');
    expect(answered()).toBe(before);
    expect([head.status, withQuery.status, withCookie.status, withOrigin.status]).toEqual([200, 200, 200, 200]);
    expect(head.body).toBe('');
    expect(withQuery.body).toContain('Assemblée générale 2026');
    expect(unknownSite.status).toBe(404);
    expect(unknownSite.headers['content-type']).toContain('application/problem+json');
    expect(unknownPath.status).toBe(404);
  });

  it('never serves a page of an older publication once the site’s generation has moved', async () => {
    const list = '/sites/national/actualites';
    await get(base, list);
    expect((await get(base, list)).body).not.toContain('Nouvelle publication');
    const { database } = observed.testDatabase;
    const fresh = await insertContent(database, { siteId, entityId, kind: 'article', slug: 'nouvelle', title: 'Nouvelle publication', published: false });
    await setPublished(database, fresh.id, true);
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // the site's generation is trusted for 2 s here
    expect((await get(base, list)).body).toContain('Nouvelle publication');
    expect((await get(base, list)).body).toContain('Nouvelle publication');
  });
});
