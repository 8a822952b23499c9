import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../../platform/db/index.js';
import type { SignedIn } from '../../../../test/auth.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../../test/factories/crm-network.js';

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** CMS publication → `cms.content-published` → indexed; unpublication → removed with its chunks (bus jobs, real CMS API). */
describe('indexing of published CMS content', () => {
  let net: CrmTestNetwork;
  let siteId: string;

  const search = async (who: SignedIn, question: string) => {
    const response = await net.call(who, 'POST', '/api/v1/ai/search', { question, filters: { sourceTypes: ['cms-content'] } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Array<{ sourceId: string; title: string; url: string; visibility: string; text: string }> }>().items;
  };
  const sourceOf = async (contentId: string) =>
    withOwnerClient(net.database, async (client) => (await client.query<{ status: string; visibility: string; external_version: string }>(`SELECT status, visibility, external_version FROM ai_sources WHERE source_id = $1`, [contentId])).rows[0] ?? null);
  const waitFor = async (check: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 160; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the bus job did not run in time');
  };

  beforeAll(async () => {
    net = await createCrmTestNetwork('ai-cms');
    expect((await net.call(net.staff.national, 'POST', '/api/v1/feature-flags', { key: 'ai.assistant', kind: 'boolean', defaultVariant: 'on' })).statusCode).toBe(201);
    const site = await net.call(net.staff.national, 'POST', '/api/v1/cms/sites', { entityId: net.ids.FR, slug: 'ai-cms-national', name: 'Confédération nationale' });
    expect(site.statusCode, site.body).toBe(201);
    siteId = site.json<{ id: string }>().id;
  }, 120_000);

  afterAll(async () => {
    await net?.t.close();
  });

  it('indexes an article when it is published, re-indexes its new revision, and removes it when unpublished', async () => {
    const created = await net.call(net.staff.national, 'POST', `/api/v1/cms/sites/${siteId}/contents`, {
      kind: 'article',
      title: 'Nouveautés ornithorynque 2027',
      body: paragraph("La réforme ornithorynque s'applique aux entreprises de onze salariés et plus."),
    });
    expect(created.statusCode, created.body).toBe(201);
    let content = created.json<{ id: string; version: number }>();
    expect(await sourceOf(content.id)).toBeNull(); // a draft is never indexed

    const approved = await net.call(net.staff.national, 'POST', `/api/v1/cms/contents/${content.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    content = approved.json();
    await waitFor(async () => (await sourceOf(content.id))?.status === 'indexed');
    const hits = await search(net.staff.paris, 'réforme ornithorynque');
    expect(hits[0]).toMatchObject({ sourceId: content.id, title: 'Nouveautés ornithorynque 2027', visibility: 'public' });
    expect(hits[0]!.url).toContain('/ai-cms-national/');

    // A new approved revision replaces the indexed text; restricting it to members carries over.
    const edited = await net.call(net.staff.national, 'PATCH', `/api/v1/cms/contents/${content.id}`, { visibility: 'members', body: paragraph('La réforme ornithorynque est reportée à 2028.') }, { 'if-match': `"${content.version}"` });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await net.call(net.staff.national, 'POST', `/api/v1/cms/contents/${content.id}/approve`, {})).statusCode).toBe(200);
    await waitFor(async () => (await search(net.staff.paris, 'réforme ornithorynque'))[0]?.text.includes('reportée') ?? false);
    expect((await sourceOf(content.id))?.visibility).toBe('members');

    const unpublished = await net.call(net.staff.national, 'POST', `/api/v1/cms/contents/${content.id}/unpublish`, {});
    expect(unpublished.statusCode, unpublished.body).toBe(200);
    await waitFor(async () => (await sourceOf(content.id)) === null);
    expect(await search(net.staff.national, 'réforme ornithorynque')).toEqual([]);
    const chunks = await withOwnerClient(net.database, (client) => client.query(`SELECT 1 FROM ai_chunks c JOIN ai_sources s ON s.id = c.source_row_id WHERE s.source_id = $1`, [content.id]));
    expect(chunks.rowCount).toBe(0);
  }, 120_000);
});
