import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../platform/db/index.js';
import type { Content } from '../contents/contents.schema.js';
import { readPublishedContent } from '../published/read-published-content.js';
import { createCmsTestNetwork, paragraph, queuedPayloads, type CmsTestNetwork } from '../../../test/factories/cms-network.js';
import { runScheduledPublication } from './scheduled-publication.js';

describe('CMS scheduled publication', () => {
  let n: CmsTestNetwork;

  beforeAll(async () => {
    n = await createCmsTestNetwork('cmssched');
  });
  afterAll(() => n?.close());

  it('publishes scheduled items when due, unpublishes expired ones, idempotently', async () => {
    const publishAt = new Date(Date.now() + 3_600_000);
    const article = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'article', title: 'Prévoyance : ce qui change au 1er janvier', body: paragraph('Nouveau contrat.') });
    const scheduled = await n.call(n.staff.parisPublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, { publishAt: publishAt.toISOString() });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', live: false, publishAt: publishAt.toISOString() });
    const bus = await n.bus();

    expect(await runScheduledPublication(n.database, bus, new Date(publishAt.getTime() - 1000))).toEqual({ published: [], unpublished: [] });
    expect(await runScheduledPublication(n.database, bus, publishAt)).toEqual({ published: [article.id], unpublished: [] });
    expect(await runScheduledPublication(n.database, bus, publishAt)).toEqual({ published: [], unpublished: [] });
    const published = await withTransaction(n.database, { kind: 'system' }, (tx) => readPublishedContent(tx, article.id));
    expect(published).toMatchObject({ title: 'Prévoyance : ce qui change au 1er janvier', publishedAt: publishAt.toISOString(), visibility: 'public', version: 1 });
    expect(published!.url).toBe(`https://cmssched.paris.example.org${published!.path}`);
    expect((await queuedPayloads(n.database, 'cms.content-published')).filter((p) => p.contentId === article.id)).toHaveLength(1);

    const current = (await n.call(n.staff.parisPublisher, 'GET', `/api/v1/cms/contents/${article.id}`)).json<Content>();
    const unpublishAt = new Date(publishAt.getTime() + 86_400_000);
    const set = await n.call(n.staff.parisPublisher, 'PATCH', `/api/v1/cms/contents/${article.id}`, { unpublishAt: unpublishAt.toISOString() }, { 'if-match': `"${current.version}"` });
    expect(set.statusCode, set.body).toBe(200);
    expect(await runScheduledPublication(n.database, bus, unpublishAt)).toEqual({ published: [], unpublished: [article.id] });
    expect(await runScheduledPublication(n.database, bus, unpublishAt)).toEqual({ published: [], unpublished: [] });
    expect(await withTransaction(n.database, { kind: 'system' }, (tx) => readPublishedContent(tx, article.id))).toBeNull();
    expect((await queuedPayloads(n.database, 'cms.content-unpublished')).filter((p) => p.contentId === article.id)).toHaveLength(1);
  });

  it('drops the schedule when the item is edited after approval', async () => {
    const article = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'article', title: 'Sécurité au travail' });
    const publishAt = new Date(Date.now() + 3_600_000);
    const scheduled = (await n.call(n.staff.parisPublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, { publishAt: publishAt.toISOString() })).json<Content>();
    const edited = await n.call(n.staff.parisEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, { summary: 'Document unique' }, { 'if-match': `"${scheduled.version}"` });
    expect(edited.json().status).toBe('draft');
    expect((await runScheduledPublication(n.database, await n.bus(), publishAt)).published).not.toContain(article.id);
  });
});
