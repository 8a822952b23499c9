import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../../test/auth.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { buildDocx } from './testing/docx-builder.js';
import { multipartForm } from './testing/multipart.js';
import { buildPdf } from './testing/pdf-builder.js';
import { readCodeDuTravail } from './testing/code-du-travail.js';

interface SearchHit {
  chunkId: string;
  sourceId: string;
  title: string;
  url: string | null;
  text: string;
  start: number;
  end: number;
  visibility: string;
  score: number;
}

describe('knowledge collections, documents and search', () => {
  let net: CrmTestNetwork;
  let rhoneCollection: string;
  let nationalCollection: string;
  let assistantFlagEtag: string;

  const upload = (who: SignedIn, collectionId: string, file: { name: string; type: string; content: Buffer | string }, fields: Record<string, string> = {}) => {
    const form = multipartForm(file, fields);
    return net.t.app.inject({ method: 'POST', url: `/api/v1/ai/collections/${collectionId}/documents`, headers: { ...who.headers('POST'), ...form.headers }, payload: form.payload });
  };
  const search = async (who: SignedIn, question: string, extra: Record<string, unknown> = {}) => {
    const response = await net.call(who, 'POST', '/api/v1/ai/search', { question, limit: 10, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: SearchHit[] }>().items;
  };
  /** Indexing runs in bus jobs: poll the list until nothing is pending. */
  const waitIndexed = async (who: SignedIn, collectionId: string) => {
    for (let attempt = 0; attempt < 240; attempt++) {
      const response = await net.call(who, 'GET', `/api/v1/ai/collections/${collectionId}/documents?limit=1`);
      const { counts } = response.json<{ counts: { pending: number; indexed: number; failed: number } }>();
      if (counts.pending === 0) return counts;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('indexing did not finish');
  };

  beforeAll(async () => {
    net = await createCrmTestNetwork('ai-knowledge');
    const flag = await net.call(net.staff.national, 'POST', '/api/v1/feature-flags', { key: 'ai.assistant', kind: 'boolean', defaultVariant: 'on' });
    expect(flag.statusCode, flag.body).toBe(201);
    assistantFlagEtag = flag.headers.etag as string;
  }, 120_000);

  afterAll(async () => {
    await net?.t.close();
  });

  it('creates collections per entity, hidden from other branches', async () => {
    const created = await net.call(net.staff.rhone, 'POST', '/api/v1/ai/collections', { entityId: net.ids['69'], name: 'Notes internes du Rhône', visibility: 'staff' });
    expect(created.statusCode, created.body).toBe(201);
    rhoneCollection = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ entityId: net.ids['69'], visibility: 'staff', documentCount: 0 });

    const national = await net.call(net.staff.national, 'POST', '/api/v1/ai/collections', { entityId: net.ids.FR, name: 'Code du travail', visibility: 'members' });
    expect(national.statusCode, national.body).toBe(201);
    nationalCollection = national.json<{ id: string }>().id;

    const forbidden = await net.call(net.staff.paris, 'POST', '/api/v1/ai/collections', { entityId: net.ids['69'], name: 'Intrus' });
    expect(forbidden.statusCode).toBe(422);
    expect(forbidden.json<{ errors: Array<{ pointer: string }> }>().errors[0]!.pointer).toBe('/entityId');

    // Paris sees neither the Rhône collection nor the national one (collections are tenant-owned).
    const parisList = await net.call(net.staff.paris, 'GET', '/api/v1/ai/collections');
    expect(parisList.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).not.toContain(rhoneCollection);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/ai/collections/${rhoneCollection}`, undefined],
      ['GET', `/api/v1/ai/collections/${rhoneCollection}/documents`, undefined],
      ['PATCH', `/api/v1/ai/collections/${rhoneCollection}`, { name: 'Piraté' }],
      ['POST', `/api/v1/ai/collections/${rhoneCollection}/reindex`, undefined],
      ['DELETE', `/api/v1/ai/collections/${rhoneCollection}`, undefined],
    ] as const) {
      const response = await net.call(net.staff.paris, method, url, payload, method === 'PATCH' ? { 'if-match': '*' } : {});
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await upload(net.staff.paris, rhoneCollection, { name: 'x.md', type: 'text/markdown', content: '# X\n\nTexte.' })).statusCode).toBe(404);
    // The national office sees its subtree's collections.
    const nationalList = await net.call(net.staff.national, 'GET', '/api/v1/ai/collections');
    expect(nationalList.json<{ items: Array<{ id: string }> }>().items.map((item) => item.id)).toEqual(expect.arrayContaining([rhoneCollection, nationalCollection]));
  });

  it('indexes an uploaded Markdown note; a staff-only chunk never reaches another branch through search', async () => {
    const note = '# Note interne\n\n## Procédure zorglub\n\nLa procédure zorglub du Rhône est confidentielle : elle ne concerne que les délégués du Rhône.';
    const uploaded = await upload(net.staff.rhone, rhoneCollection, { name: 'note.md', type: 'text/markdown', content: note });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    expect(uploaded.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0, items: [{ title: 'Note interne', status: 'pending', visibility: 'staff' }] });
    expect(await waitIndexed(net.staff.rhone, rhoneCollection)).toMatchObject({ indexed: 1, failed: 0 });

    const rhoneHits = await search(net.staff.rhone, 'procédure zorglub');
    expect(rhoneHits[0]).toMatchObject({ title: 'Note interne', visibility: 'staff' });
    expect((await search(net.staff.region, 'procédure zorglub')).map((hit) => hit.title)).toContain('Note interne');
    expect((await search(net.staff.national, 'procédure zorglub')).map((hit) => hit.title)).toContain('Note interne');
    expect((await search(net.staff.paris, 'procédure zorglub')).some((hit) => hit.visibility === 'staff')).toBe(false);
    expect(await search(net.staff.paris, 'procédure zorglub', { filters: { collectionIds: [rhoneCollection] } })).toEqual([]);

    // Offsets point into the document's full text.
    const detail = await net.call(net.staff.rhone, 'GET', `/api/v1/ai/documents/${rhoneHits[0]!.sourceId}`);
    const { text } = detail.json<{ text: string }>();
    expect(text.slice(rhoneHits[0]!.start, rhoneHits[0]!.end)).toBe(rhoneHits[0]!.text);
    expect((await net.call(net.staff.paris, 'GET', `/api/v1/ai/documents/${rhoneHits[0]!.sourceId}`)).statusCode).toBe(404);
    expect((await net.call(net.staff.paris, 'DELETE', `/api/v1/ai/documents/${rhoneHits[0]!.sourceId}`)).statusCode).toBe(404);
    expect((await net.call(net.staff.paris, 'POST', `/api/v1/ai/documents/${rhoneHits[0]!.sourceId}/reindex`)).statusCode).toBe(404);
  });

  it('loads the Code du travail JSON Lines as is: one document per article, cited by number with its Légifrance link', async () => {
    const corpus = readCodeDuTravail();
    const uploaded = await upload(net.staff.national, nationalCollection, { name: 'code-du-travail.jsonl', type: 'application/octet-stream', content: corpus });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    expect(uploaded.json()).toMatchObject({ created: 541, updated: 0, unchanged: 0 });
    expect(await waitIndexed(net.staff.national, nationalCollection)).toEqual({ pending: 0, indexed: 541, failed: 0 });

    const list = await net.call(net.staff.national, 'GET', `/api/v1/ai/collections/${nationalCollection}/documents?limit=2`);
    expect(list.json<{ items: unknown[]; nextCursor: string | null }>().nextCursor).not.toBeNull();

    // Members' content of the national office is readable by every branch's staff.
    const hits = await search(net.staff.paris, "Quelle est la durée maximale de la période d'essai pour un employé embauché en CDI ?");
    const trial = hits.slice(0, 5).find((hit) => hit.title === 'Article L1221-19');
    expect(trial).toMatchObject({ url: expect.stringMatching(/^https:\/\/www\.legifrance\.gouv\.fr\/codes\/article_lc\/LEGIARTI/), visibility: 'members' });

    // Uploading the same file again changes nothing and queues nothing.
    const again = await upload(net.staff.national, nationalCollection, { name: 'code-du-travail.jsonl', type: 'application/octet-stream', content: corpus });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 541, items: [] });
  }, 180_000);

  it('extracts and indexes PDF and DOCX uploads', async () => {
    const pdf = await buildPdf([['Guide des astreintes', 'Une astreinte xylophone est compensée financièrement.']]);
    const docx = buildDocx([{ heading: 1, text: 'Mémo télétravail' }, { text: 'Le télétravail quokka se met en place par accord.' }]);
    expect((await upload(net.staff.rhone, rhoneCollection, { name: 'guide.pdf', type: 'application/pdf', content: pdf }, { title: 'Guide des astreintes' })).statusCode).toBe(202);
    expect((await upload(net.staff.rhone, rhoneCollection, { name: 'memo.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: docx })).statusCode).toBe(202);
    await waitIndexed(net.staff.rhone, rhoneCollection);
    expect((await search(net.staff.rhone, 'astreinte xylophone'))[0]).toMatchObject({ title: 'Guide des astreintes' });
    expect((await search(net.staff.rhone, 'télétravail quokka'))[0]).toMatchObject({ title: 'Mémo télétravail' });
  });

  it('refuses unsupported or invalid files in French, with pointers', async () => {
    const png = await upload(net.staff.rhone, rhoneCollection, { name: 'photo.png', type: 'image/png', content: Buffer.from([0x89, 0x50]) });
    expect(png.statusCode).toBe(415);
    const jsonl = await upload(net.staff.rhone, rhoneCollection, { name: 'bad.jsonl', type: 'application/jsonl', content: '{"id":"x","title":"T","text":"ok"}\n{oops' });
    expect(jsonl.statusCode).toBe(422);
    expect(jsonl.json<{ errors: Array<{ pointer: string }> }>().errors).toEqual([expect.objectContaining({ pointer: '/lines/2' })]);
    const pdf = await upload(net.staff.rhone, rhoneCollection, { name: 'broken.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 nothing') });
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json()).toMatchObject({ code: 'document_unreadable' });
  });

  it('re-indexes, changes visibility, and deletes: a deleted document is no longer retrieved', async () => {
    const [hit] = await search(net.staff.rhone, 'procédure zorglub');
    const reindexed = await net.call(net.staff.rhone, 'POST', `/api/v1/ai/documents/${hit!.sourceId}/reindex`);
    expect(reindexed.statusCode).toBe(202);
    await waitIndexed(net.staff.rhone, rhoneCollection);

    // Making the collection members-visible opens it to other branches' staff at once.
    const patched = await net.call(net.staff.rhone, 'PATCH', `/api/v1/ai/collections/${rhoneCollection}`, { visibility: 'members' }, { 'if-match': '*' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await search(net.staff.paris, 'procédure zorglub')).map((item) => item.title)).toContain('Note interne');
    await net.call(net.staff.rhone, 'PATCH', `/api/v1/ai/collections/${rhoneCollection}`, { visibility: 'staff' }, { 'if-match': '*' });
    expect((await search(net.staff.paris, 'procédure zorglub')).map((item) => item.title)).not.toContain('Note interne');

    expect((await net.call(net.staff.rhone, 'DELETE', `/api/v1/ai/documents/${hit!.sourceId}`)).statusCode).toBe(204);
    expect((await search(net.staff.rhone, 'procédure zorglub')).map((item) => item.title)).not.toContain('Note interne');
    expect((await net.call(net.staff.rhone, 'GET', `/api/v1/ai/documents/${hit!.sourceId}`)).statusCode).toBe(404);
  });

  it('validates search requests, needs authentication, and lets viewers search (ai.ask is a read permission)', async () => {
    const missing = await net.call(net.staff.rhone, 'POST', '/api/v1/ai/search', { limit: 5 });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<{ errors: Array<{ pointer: string }> }>().errors.map((error) => error.pointer)).toContain('/question');
    expect((await net.call(net.staff.rhone, 'POST', '/api/v1/ai/search', { question: 'préavis', limit: 500 })).statusCode).toBe(422);
    expect((await net.call(net.staff.rhone, 'POST', '/api/v1/ai/search', { question: 'préavis', filters: { sourceTypes: ['wiki'] } })).statusCode).toBe(422);
    expect((await net.t.app.inject({ method: 'POST', url: '/api/v1/ai/search', payload: { question: 'préavis' } })).statusCode).toBe(401);
    const viewer = await search(net.staff.rhoneViewer, 'astreinte xylophone');
    expect(viewer[0]).toMatchObject({ title: 'Guide des astreintes' });
    // Filters narrow inside SQL: a site filter leaves documents out.
    expect(await search(net.staff.rhone, 'astreinte xylophone', { filters: { siteIds: [net.ids['69']] } })).toEqual([]);
    expect(await search(net.staff.rhone, 'astreinte xylophone', { filters: { sourceTypes: ['cms-content'] } })).toEqual([]);
  });

  it("answers 403 problem+json to a search where the assistant (flag ai.assistant) is off for the caller's entity", async () => {
    const off = await net.call(net.staff.national, 'PATCH', '/api/v1/feature-flags/ai.assistant', { rules: [{ entityIds: [net.ids.R11], variant: 'off' }] }, { 'if-match': assistantFlagEtag });
    expect(off.statusCode, off.body).toBe(200);
    const refused = await net.call(net.staff.paris, 'POST', '/api/v1/ai/search', { question: 'astreinte xylophone' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 403, code: 'ai_assistant_disabled', detail: "L'assistant n'est pas activé pour votre structure." });
    // The Rhône, in another region, still searches.
    expect((await search(net.staff.rhone, 'astreinte xylophone'))[0]).toMatchObject({ title: 'Guide des astreintes' });
  });
});
