import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsTestNetwork, paragraph, queuedPayloads, type CmsTestNetwork } from '../../../test/factories/cms-network.js';
import type { Content } from '../contents/contents.schema.js';

describe('CMS editorial workflow', () => {
  let n: CmsTestNetwork;
  let article: Content;

  beforeAll(async () => {
    n = await createCmsTestNetwork('cmswf');
  });
  afterAll(() => n?.close());

  it('lets an editor write and submit, but not publish', async () => {
    article = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, {
      kind: 'article',
      title: "Apprentissage : les aides à l'embauche prolongées",
      body: paragraph('Les entreprises de moins de 250 salariés peuvent bénéficier de l’aide.'),
      fields: { tags: ['apprentissage'], author: 'Service juridique' },
    });
    expect(article).toMatchObject({ status: 'draft', live: false, path: '/actualites/apprentissage-les-aides-a-l-embauche-prolongees', entityId: n.ids['69'] });
    const submitted = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/contents/${article.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('in_review');
    const approve = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {});
    expect(approve.statusCode).toBe(403);
    // Scheduling is a publisher's decision too.
    const schedule = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, { unpublishAt: '2030-01-01T00:00:00Z' }, { 'if-match': '*' });
    expect(schedule.statusCode).toBe(403);
  });

  it('refuses a viewer any write, and keeps Paris out of the Rhône site (404)', async () => {
    expect((await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/cms/contents/${article.id}`)).statusCode).toBe(200);
    expect((await n.call(n.staff.rhoneViewer, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'x' }, { 'if-match': '*' })).statusCode).toBe(403);
    expect((await n.call(n.staff.rhoneViewer, 'POST', `/api/v1/cms/contents/${article.id}/submit`)).statusCode).toBe(403);
    for (const [method, url] of [
      ['GET', `/api/v1/cms/contents/${article.id}`],
      ['POST', `/api/v1/cms/contents/${article.id}/approve`],
      ['POST', `/api/v1/cms/contents/${article.id}/request-changes`],
      ['POST', `/api/v1/cms/contents/${article.id}/archive`],
      ['GET', `/api/v1/cms/contents/${article.id}/revisions`],
      ['POST', `/api/v1/cms/contents/${article.id}/preview-link`],
      ['GET', `/api/v1/cms/sites/${n.sites.rhone.id}`],
      ['GET', `/api/v1/cms/sites/${n.sites.rhone.id}/page-tree`],
      ['GET', `/api/v1/cms/sites/${n.sites.rhone.id}/categories`],
    ] as const) {
      const response = await n.call(n.staff.parisPublisher, method, url, /approve|request-changes/.test(url) ? {} : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await n.call(n.staff.parisPublisher, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'Piraté' }, { 'if-match': '*' })).statusCode).toBe(404);
    expect((await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/sites/${n.sites.rhone.id}/contents`, { kind: 'page', title: 'Intrus' })).statusCode).toBe(404);
    const list = await n.call(n.staff.parisPublisher, 'GET', `/api/v1/cms/contents?filter[siteId]=${n.sites.rhone.id}`);
    expect(list.json().items).toEqual([]);
    const sites = await n.call(n.staff.parisPublisher, 'GET', '/api/v1/cms/sites');
    expect(sites.json().items.map((site: { id: string }) => site.id)).toEqual([n.sites.paris.id]);
  });

  it('publishes on approval by a publisher of the entity, and announces it', async () => {
    const approved = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    article = approved.json<Content>();
    expect(article).toMatchObject({ status: 'published', live: true, hasUnpublishedChanges: false });
    expect(article.publishedRevisionId).toBe(article.currentRevisionId);
    expect(await queuedPayloads(n.database, 'cms.content-published')).toContainEqual({ contentId: article.id, siteId: n.sites.rhone.id });
    const again = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_published');
  });

  it('keeps the published revision public while a new draft is written', async () => {
    const edited = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'Apprentissage : nouvelles aides 2027' }, { 'if-match': `"${article.version}"` });
    expect(edited.statusCode, edited.body).toBe(200);
    const draft = edited.json<Content>();
    expect(draft).toMatchObject({ status: 'draft', live: true, hasUnpublishedChanges: true, publishedRevisionId: article.publishedRevisionId });
    const stale = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'Trop tard' }, { 'if-match': `"${article.version}"` });
    expect(stale.statusCode).toBe(412);
    const noIfMatch = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'Sans version' });
    expect(noIfMatch.statusCode).toBe(428);
    const live = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/cms/contents?filter[live]=true&filter[siteId]=${n.sites.rhone.id}`);
    expect(live.json().items.map((item: Content) => item.id)).toEqual([article.id]);
    article = draft;
  });

  it('sends back to draft, unpublishes and archives (publishers only), with state checks', async () => {
    const submit = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/contents/${article.id}/submit`);
    expect(submit.json().status).toBe('in_review');
    const back = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/request-changes`, { comment: 'Citez la source.' });
    expect(back.json()).toMatchObject({ status: 'draft', live: true });
    expect((await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/contents/${article.id}/unpublish`)).statusCode).toBe(403);
    const offline = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/unpublish`);
    expect(offline.json()).toMatchObject({ live: false, publishedRevisionId: null, publishedAt: null });
    expect(await queuedPayloads(n.database, 'cms.content-unpublished')).toContainEqual({ contentId: article.id, siteId: n.sites.rhone.id });
    const twice = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/unpublish`);
    expect(twice.json().code).toBe('not_published');
    const archived = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/archive`);
    expect(archived.json().status).toBe('archived');
    const stale = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/submit`, {}, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
  });

  it('lets the national publisher act on any site of the network (subtree)', async () => {
    const page = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Qui sommes-nous ?' });
    const approved = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${page.id}/approve`, {});
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ live: true, path: '/qui-sommes-nous' });
  });
});
