import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../platform/db/index.js';
import type { Content } from '../contents/contents.schema.js';
import { readPublishedContent } from '../published/read-published-content.js';
import { createCmsTestNetwork, paragraph, type CmsTestNetwork } from '../../../test/factories/cms-network.js';
import type { Syndication } from './syndication.schema.js';

/** What a target site shows, by the rule of the README (offered/accepted, origin live, public). */
async function shownOn(n: CmsTestNetwork, siteId: string): Promise<Array<{ title: string; canonical: string }>> {
  return withTransaction(n.database, { kind: 'system' }, async (tx) => {
    const { rows } = await tx.client.query<{ content_id: string }>(
      `SELECT s.content_id FROM cms_syndications s JOIN cms_contents c ON c.id = s.content_id
        WHERE s.target_site_id = $1 AND s.status IN ('offered', 'accepted') AND c.published_revision_id IS NOT NULL AND c.visibility = 'public'`,
      [siteId],
    );
    const shown = [];
    for (const row of rows) {
      const published = await readPublishedContent(tx, row.content_id);
      shown.push({ title: published!.title, canonical: published!.url });
    }
    return shown;
  });
}

describe('CMS syndication', () => {
  let n: CmsTestNetwork;
  let article: Content;
  let offers: Syndication[];

  beforeAll(async () => {
    n = await createCmsTestNetwork('cmssyn');
    article = await n.create(n.staff.nationalPublisher, n.sites.national.id, { kind: 'article', title: 'Apprentissage : la réforme expliquée', body: paragraph('Version 1') });
    article = (await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {})).json<Content>();
  });
  afterAll(() => n?.close());

  it('offers a national article to every descendant site; only origin publishers may offer', async () => {
    expect((await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/syndication`, { targets: 'all' })).statusCode).toBe(404);
    const bad = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/syndication`, { targets: [n.sites.rhone.id, n.sites.national.id] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ pointer: '/targets/1', message: expect.stringContaining("n'appartient pas") }]);
    const response = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/syndication`, { targets: 'all' });
    expect(response.statusCode, response.body).toBe(200);
    offers = response.json().items;
    expect(offers.map((offer) => [offer.targetSiteId, offer.status]).sort()).toEqual(
      [
        [n.sites.rhone.id, 'offered'],
        [n.sites.paris.id, 'offered'],
      ].sort(),
    );
    expect(offers[0]!.content).toMatchObject({ title: 'Apprentissage : la réforme expliquée', live: true, originSiteName: 'Confédération nationale' });
  });

  it('shows each target its own inbox only', async () => {
    const rhone = await n.call(n.staff.rhoneEditor, 'GET', `/api/v1/cms/sites/${n.sites.rhone.id}/syndication-inbox`);
    expect(rhone.json().items).toHaveLength(1);
    expect(rhone.json().items[0]).toMatchObject({ contentId: article.id, status: 'offered', content: { canonicalUrl: `/sites/cmssyn-national${article.path}` } });
    expect((await n.call(n.staff.parisPublisher, 'GET', `/api/v1/cms/sites/${n.sites.rhone.id}/syndication-inbox`)).statusCode).toBe(404);
    const rhoneOffer = offers.find((offer) => offer.targetSiteId === n.sites.rhone.id)!;
    expect((await n.call(n.staff.parisPublisher, 'POST', `/api/v1/cms/syndications/${rhoneOffer.id}/decline`)).statusCode).toBe(404);
    expect((await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/syndications/${rhoneOffer.id}/accept`)).statusCode).toBe(403);
    // The target cannot withdraw the origin's offer.
    expect((await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/syndications/${rhoneOffer.id}/withdraw`)).statusCode).toBe(403);
  });

  it('accept keeps the article on the target, decline removes it; updates and unpublication flow', async () => {
    const rhoneOffer = offers.find((offer) => offer.targetSiteId === n.sites.rhone.id)!;
    const parisOffer = offers.find((offer) => offer.targetSiteId === n.sites.paris.id)!;
    const accepted = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/syndications/${rhoneOffer.id}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: n.staff.rhonePublisher.userId });
    const declined = await n.call(n.staff.parisPublisher, 'POST', `/api/v1/cms/syndications/${parisOffer.id}/decline`);
    expect(declined.json().status).toBe('declined');
    expect(await shownOn(n, n.sites.rhone.id)).toEqual([{ title: 'Apprentissage : la réforme expliquée', canonical: `/sites/cmssyn-national${article.path}` }]);
    expect(await shownOn(n, n.sites.paris.id)).toEqual([]);

    // An edit at the origin reaches receivers once published (not before).
    const edited = await n.call(n.staff.nationalPublisher, 'PATCH', `/api/v1/cms/contents/${article.id}`, { title: 'Apprentissage : la réforme en 5 points' }, { 'if-match': `"${article.version}"` });
    expect(await shownOn(n, n.sites.rhone.id)).toEqual([expect.objectContaining({ title: 'Apprentissage : la réforme expliquée' })]);
    await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {}, { 'if-match': edited.headers.etag as string });
    expect(await shownOn(n, n.sites.rhone.id)).toEqual([expect.objectContaining({ title: 'Apprentissage : la réforme en 5 points' })]);

    await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${article.id}/unpublish`);
    expect(await shownOn(n, n.sites.rhone.id)).toEqual([]);
    const inbox = (await n.call(n.staff.rhoneEditor, 'GET', `/api/v1/cms/sites/${n.sites.rhone.id}/syndication-inbox?filter[status]=accepted`)).json().items;
    expect(inbox[0].content.live).toBe(false);
  });

  it('keeps members-only articles members-only on every receiver', async () => {
    const reserved = await n.create(n.staff.nationalPublisher, n.sites.national.id, { kind: 'article', title: 'Note réservée aux adhérents', visibility: 'members' });
    await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${reserved.id}/approve`, {});
    await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${reserved.id}/syndication`, { targets: [n.sites.paris.id] });
    const published = await withTransaction(n.database, { kind: 'system' }, (tx) => readPublishedContent(tx, reserved.id));
    expect(published!.visibility).toBe('members');
    expect(await shownOn(n, n.sites.paris.id)).toEqual([]);
  });

  it('refuses to syndicate pages', async () => {
    const page = await n.create(n.staff.nationalPublisher, n.sites.national.id, { kind: 'page', title: 'Adhérer' });
    const response = await n.call(n.staff.nationalPublisher, 'POST', `/api/v1/cms/contents/${page.id}/syndication`, { targets: 'all' });
    expect(response.statusCode).toBe(422);
  });
});
