import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../contents/contents.schema.js';
import { createCmsTestNetwork, paragraph, type CmsTestNetwork } from '../../../test/factories/cms-network.js';

/**
 * The authoring API and the public site together: what publishers do through the API (publish,
 * edit, preview, syndicate, unpublish, restrict to members) is what the public sees, at once.
 */
describe('public delivery of content written through the authoring API', () => {
  let n: CmsTestNetwork;
  let article: Content;
  const publicGet = (url: string, headers: Record<string, string> = {}) => n.t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    process.env.CMS_SITE_TTL_MS = '0';
    n = await createCmsTestNetwork('cmsdl');
  });
  afterAll(async () => {
    delete process.env.CMS_SITE_TTL_MS;
    await n?.close();
  });

  it('shows an approved article, keeps it while a new draft is written, and shows the new revision once approved', async () => {
    const site = n.sites.national;
    article = await n.create(n.staff.nationalPublisher, site.id, { kind: 'article', title: 'Congrès national 2027', body: paragraph('Le congrès se tiendra à Lyon.') });
    const url = `/sites/${site.slug}${article.path}`;
    expect((await publicGet(url)).statusCode).toBe(404);
    const approved = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    article = approved.json<Content>();
    const first = await publicGet(url);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Congrès national 2027');
    expect((await publicGet(`/sites/${site.slug}/recherche?q=lyon`)).body).toContain('Congrès national 2027');

    const edited = await n.call(n.staff.nationalPublisher, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'Congrès national 2027 à Lyon' }, { 'if-match': `"${article.version}"` });
    expect(edited.statusCode, edited.body).toBe(200);
    article = edited.json<Content>();
    const stillOld = await publicGet(url, { 'if-none-match': first.headers.etag as string });
    expect(stillOld.statusCode).toBe(304);

    const link = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/preview-link`, {});
    expect(link.statusCode, link.body).toBe(201);
    const preview = await publicGet(link.json<{ url: string }>().url);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Congrès national 2027 à Lyon');

    const republished = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {});
    expect(republished.statusCode, republished.body).toBe(200);
    article = republished.json<Content>();
    expect((await publicGet(url)).body).toContain('Congrès national 2027 à Lyon');
  });

  it('shows a syndicated article on the receiving site until it is declined, with the origin as canonical', async () => {
    const offered = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/syndication`, { targets: [n.sites.rhone.id] });
    expect(offered.statusCode, offered.body).toBe(200);
    const copy = await publicGet(`/sites/${n.sites.rhone.slug}${article.path}`);
    expect(copy.statusCode).toBe(200);
    const canonical = copy.body.match(/<link rel="canonical" href="([^"]+)">/)?.[1];
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+/sites/${n.sites.national.slug}${article.path}$`));
    expect((await publicGet(`/sites/${n.sites.rhone.slug}/actualites`)).body).toContain('Congrès national 2027 à Lyon');
    const [offer] = offered.json<{ items: { id: string }[] }>().items;
    const declined = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/syndications/${offer!.id}/decline`, {});
    expect(declined.statusCode, declined.body).toBe(200);
    expect((await publicGet(`/sites/${n.sites.rhone.slug}${article.path}`)).statusCode).toBe(404);
    expect((await publicGet(`/sites/${n.sites.rhone.slug}/actualites`)).body).not.toContain('Congrès national 2027');
  });

  it('hides an article restricted to members, and an unpublished one, everywhere', async () => {
    const site = n.sites.national;
    const url = `/sites/${site.slug}${article.path}`;
    const restricted = await n.call(n.staff.nationalPublisher, 'PATCH', `/api/v1/cms/contents/${article.id}`, { visibility: 'members' }, { 'if-match': `"${article.version}"` });
    expect(restricted.statusCode, restricted.body).toBe(200);
    article = restricted.json<Content>();
    expect((await publicGet(url)).statusCode).toBe(404);
    for (const path of ['/actualites', '/feed.xml', '/sitemap.xml', '/recherche?q=lyon', '']) {
      expect((await publicGet(`/sites/${site.slug}${path}`)).body, path).not.toContain('Congrès national');
    }
    expect((await publicGet(`/api/v1/public/sites/${site.slug}/contents`)).body).not.toContain('Congrès national');

    const visible = await n.call(n.staff.nationalPublisher, 'PATCH', `/api/v1/cms/contents/${article.id}`, { visibility: 'public' }, { 'if-match': `"${article.version}"` });
    article = visible.json<Content>();
    expect((await publicGet(url)).statusCode).toBe(200);
    const unpublished = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/unpublish`, {});
    expect(unpublished.statusCode, unpublished.body).toBe(200);
    expect((await publicGet(url)).statusCode).toBe(404);
    expect((await publicGet(`/sites/${site.slug}/recherche?q=lyon`)).body).not.toContain('Congrès national');
  });

  it('serves a site on its host name', async () => {
    const host = n.sites.paris.hostNames[0]!;
    const home = await publicGet('/', { host });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Union de Paris');
    expect(home.body).toContain(`<link rel="canonical" href="https://${host}/">`);
  });
});
