import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../contents/contents.schema.js';
import { createCmsTestNetwork, paragraph, type CmsTestNetwork } from '../../../test/factories/cms-network.js';
import { diffRevisions } from './revision-diff.js';

describe('CMS revisions', () => {
  let n: CmsTestNetwork;
  let article: Content;

  beforeAll(async () => {
    n = await createCmsTestNetwork('cmsrev');
    article = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, {
      kind: 'article',
      title: 'Loi de finances 2027',
      body: paragraph('Le taux réduit reste fixé à 15 %.'),
      fields: { tags: ['fiscalité'] },
    });
  });
  afterAll(() => n?.close());

  const patch = async (body: Record<string, unknown>) => {
    const response = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, body, { 'if-match': `"${article.version}"` });
    expect(response.statusCode, response.body).toBe(200);
    article = response.json<Content>();
  };

  it('saves a revision per change, lists them newest first and compares two of them', async () => {
    await patch({ body: paragraph('Le taux réduit passe à 17 % pour les petites entreprises.'), fields: { tags: ['fiscalité', 'TPE'] } });
    // A save that changes nothing editorial (featured only) adds no revision.
    await patch({ featured: true });
    const list = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/cms/contents/${article.id}/revisions`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; number: number; current: boolean }>;
    expect(items.map((item) => [item.number, item.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const compare = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/cms/contents/${article.id}/revisions/compare?from=${items[1]!.id}&to=${items[0]!.id}`);
    expect(compare.statusCode, compare.body).toBe(200);
    const diff = compare.json();
    expect(diff.fields).toEqual([{ field: 'fields.tags', before: ['fiscalité'], after: ['fiscalité', 'TPE'] }]);
    expect(diff.bodyChanged).toBe(true);
    const textOf = (op: string) => diff.body.filter((part: { op: string }) => part.op === op).map((part: { text: string }) => part.text).join('|');
    expect(textOf('delete')).toContain('reste');
    expect(textOf('delete')).toContain('15');
    expect(textOf('insert')).toContain('17');
    expect(diff.body.map((part: { text: string }) => part.text).join('')).toContain('Le taux réduit');
    const one = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/cms/contents/${article.id}/revisions/${items[1]!.id}`);
    expect(one.json()).toMatchObject({ number: 1, plainText: 'Le taux réduit reste fixé à 15 %.' });
  });

  it('restores an old revision as a new draft revision without touching the published one', async () => {
    const published = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${article.id}/approve`, {});
    article = published.json<Content>();
    const revisions = (await n.call(n.staff.rhoneEditor, 'GET', `/api/v1/cms/contents/${article.id}/revisions`)).json().items as Array<{ id: string; number: number }>;
    const first = revisions.find((revision) => revision.number === 1)!;
    const restored = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/contents/${article.id}/revisions/${first.id}/restore`);
    expect(restored.statusCode, restored.body).toBe(200);
    const content = restored.json<Content>();
    expect(content).toMatchObject({ status: 'draft', live: true, hasUnpublishedChanges: true, title: 'Loi de finances 2027', publishedRevisionId: article.publishedRevisionId });
    const after = (await n.call(n.staff.rhoneEditor, 'GET', `/api/v1/cms/contents/${article.id}/revisions`)).json().items;
    expect(after[0]).toMatchObject({ number: 3, current: true, restoredFromId: first.id });
    expect(after.find((revision: { published: boolean }) => revision.published).number).toBe(2);
  });

  it('hides revisions of other branches (404) and refuses restore to viewers (403)', async () => {
    const revisions = (await n.call(n.staff.rhoneEditor, 'GET', `/api/v1/cms/contents/${article.id}/revisions`)).json().items as Array<{ id: string }>;
    const [a, b] = [revisions[0]!.id, revisions[1]!.id];
    expect((await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/contents/${article.id}/revisions/${a}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/contents/${article.id}/revisions/compare?from=${a}&to=${b}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${article.id}/revisions/${a}/restore`)).statusCode).toBe(404);
    expect((await n.call(n.staff.rhoneViewer, 'POST', `/api/v1/cms/contents/${article.id}/revisions/${a}/restore`)).statusCode).toBe(403);
  });
});

describe('diffRevisions', () => {
  it('lists changed fields and diffs the text by words', () => {
    const diff = diffRevisions(
      { title: 'A', summary: null, fields: { author: 'X' }, plainText: 'un deux trois' },
      { title: 'B', summary: null, fields: { author: 'X' }, plainText: 'un quatre trois' },
    );
    expect(diff.fields).toEqual([{ field: 'title', before: 'A', after: 'B' }]);
    expect(diff.body).toEqual([
      { op: 'equal', text: 'un ' },
      { op: 'delete', text: 'deux' },
      { op: 'insert', text: 'quatre' },
      { op: 'equal', text: ' trois' },
    ]);
  });
});
