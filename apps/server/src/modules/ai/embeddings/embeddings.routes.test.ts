import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import type { SignedIn } from '../../../test/auth.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import type { Answer } from '../answers/answers.schema.js';
import { conceptVectors, startChatCompletionsServer, type ChatCompletionsServer } from '../answers/testing/chat-completions-server.js';
import { multipartForm } from '../knowledge/testing/multipart.js';
import { RRF_K, retrieve } from '../retrieval/retrieve-chunks.js';

// The fake model: 256 hashed "concepts"; these words share one, so a paraphrase finds its passage only
// through vectors (no lexeme in common once stemmed).
const vectorOf = conceptVectors(256, {
  licencier: 'dismiss', licenciement: 'dismiss', congedier: 'dismiss',
  salarie: 'employee', collaborateur: 'employee',
  cotisation: 'fee', contribution: 'fee',
  volontaire: 'optional', facultative: 'optional',
  adherents: 'member', membres: 'member',
  homologation: 'approval', valide: 'approval',
  rupture: 'parting', separation: 'parting',
});
const MODEL = 'concepts-test';
const DISMISSAL = "L'employeur qui envisage de licencier un salarié le convoque, avant toute décision, à un entretien préalable.";
const PARAPHRASE = 'Comment congédier un collaborateur ?';
const LEXICAL_QUESTION = "Que doit faire l'employeur avant de licencier un salarié ?";
const STAFF_NOTE = 'La cotisation volontaire des adhérents rhodaniens est fixée à 0,8 % de la masse salariale.';
const STAFF_PARAPHRASE = 'Quel montant de contribution facultative pour nos membres ?';
const ARTICLE_TITLE = 'Rupture conventionnelle';
const ARTICLE_PARAPHRASE = "Qui valide une séparation à l'amiable ?";

interface Hit {
  chunkId: string;
  title: string;
  visibility: string;
  score: number;
}

describe('AI retrieval with embeddings (local /v1/embeddings server)', () => {
  let n: CrmTestNetwork;
  let llm: ChatCompletionsServer;
  let guides: string;

  const jsonl = (documents: Array<{ id: string; title: string; text: string }>) => documents.map((document) => JSON.stringify(document)).join('\n');
  const upload = async (who: SignedIn, collectionId: string, content: string) => {
    const form = multipartForm({ name: 'docs.jsonl', type: 'application/jsonl', content });
    const response = await n.t.app.inject({ method: 'POST', url: `/api/v1/ai/collections/${collectionId}/documents`, headers: { ...who.headers('POST'), ...form.headers }, payload: form.payload });
    expect(response.statusCode, response.body).toBe(202);
  };
  const createCollection = async (who: SignedIn, entityId: string, name: string, visibility: string) => {
    const response = await n.call(who, 'POST', '/api/v1/ai/collections', { entityId, name, visibility });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const owner = async <T>(sql: string, params: unknown[] = []) => withOwnerClient(n.database, async (client) => (await client.query(sql, params)).rows as T[]);
  /** Indexing, then embedding, run in bus jobs: wait for the condition. */
  const until = async (what: string, condition: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const embeddedChunks = async (title: string) =>
    owner<{ chunk_id: string; chunk_version: string; version: string }>(
      `SELECT e.chunk_id, e.chunk_version, c.version FROM ai_chunk_embeddings e JOIN ai_chunks c ON c.id = e.chunk_id JOIN ai_sources s ON s.id = c.source_row_id WHERE s.title = $1`,
      [title],
    );
  const search = async (who: SignedIn, question: string) => {
    const response = await n.call(who, 'POST', '/api/v1/ai/search', { question, limit: 5 });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Hit[] }>().items;
  };
  const ask = async (who: SignedIn, question: string) => {
    const response = await n.call(who, 'POST', '/api/v1/ai/answers', { question });
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<Answer>();
    const [row] = await owner<{ retrieval: unknown; retrieved: Array<{ chunkId: string }> }>('SELECT retrieval, retrieved FROM ai_interactions WHERE id = $1', [answer.interactionId]);
    return { answer, row: row! };
  };

  beforeAll(async () => {
    llm = await startChatCompletionsServer();
    llm.embeddings = { vectorOf };
    n = await createCrmTestNetwork('ai-embeddings', {
      AI_EMBEDDINGS_BASE_URL: llm.baseUrl,
      AI_EMBEDDINGS_MODEL: MODEL,
      AI_EMBEDDINGS_DIMENSIONS: '256',
      // Generous: the fake server shares the event loop with the app (and PGlite) under test load.
      AI_EMBEDDINGS_QUERY_TIMEOUT_MS: '2000',
    });
    const flag = await n.call(n.staff.national, 'POST', '/api/v1/feature-flags', { key: 'ai.assistant', kind: 'boolean', defaultVariant: 'on' });
    expect(flag.statusCode, flag.body).toBe(201);
    guides = await createCollection(n.staff.national, n.ids.FR!, 'Guides', 'members');
    await upload(n.staff.national, guides, jsonl([
      { id: 'entretien', title: "Licenciement : l'entretien préalable", text: `${DISMISSAL} Contact du service juridique : juridique@exemple.fr.` },
      { id: 'smic', title: 'Salaire minimum', text: 'Le salaire minimum est revalorisé chaque année au 1er janvier.' },
    ]));
    const notes = await createCollection(n.staff.rhone, n.ids['69']!, 'Notes internes', 'staff');
    await upload(n.staff.rhone, notes, jsonl([{ id: 'note', title: 'Note interne du Rhône', text: STAFF_NOTE }]));
    await until('the guides to be embedded', async () => (await embeddedChunks("Licenciement : l'entretien préalable")).length === 1 && (await embeddedChunks('Salaire minimum')).length === 1);
    await until('the note to be indexed', async () => (await owner('SELECT 1 FROM ai_chunks c JOIN ai_sources s ON s.id = c.source_row_id WHERE s.title = $1', ['Note interne du Rhône'])).length === 1);
  }, 120_000);

  afterAll(async () => {
    await llm?.close();
    await n?.t.close();
  });

  it('never sends staff-only text to an external embedding provider, and redacts personal data', async () => {
    const sent = llm.embedded.join('\n');
    expect(sent).toContain('entretien préalable');
    expect(sent).not.toContain('rhodaniens');
    expect(sent).not.toContain('juridique@exemple.fr');
    expect(sent).toContain('[courriel masqué]');
    expect(await embeddedChunks('Note interne du Rhône')).toEqual([]);
  });

  it('finds a passage through a paraphrase sharing no word with it, only when embeddings are on', async () => {
    const hits = await search(n.staff.paris, PARAPHRASE);
    expect(hits[0]).toMatchObject({ title: "Licenciement : l'entretien préalable", visibility: 'members' });
    expect(hits[0]!.score).toBeGreaterThan(0);
    expect(hits[0]!.score).toBeLessThanOrEqual(2 / (RRF_K + 1));
    expect(hits.map((hit) => hit.title)).not.toContain('Salaire minimum');
    // Lexical retrieval alone (no embedder) finds nothing for it.
    const scope = { kind: 'entities' as const, entityRoots: [n.ids['75']!], userId: null };
    expect(await retrieve(n.database, scope, { question: PARAPHRASE })).toEqual({ chunks: [], trace: { embeddings: 'off' } });
  });

  it("never returns another branch's staff-only chunk through the vector arm", async () => {
    // As if an embedding provider hosted on our premises had embedded the Rhône's note.
    const [chunk] = await owner<{ id: string; entity_id: string; version: string; text: string }>(
      `SELECT c.id, c.entity_id, c.version, c.text FROM ai_chunks c JOIN ai_sources s ON s.id = c.source_row_id WHERE s.title = 'Note interne du Rhône'`,
    );
    const vector = vectorOf(`Note interne du Rhône\n${chunk!.text}`);
    await owner(`INSERT INTO ai_chunk_embeddings (chunk_id, entity_id, model, chunk_version, vector) VALUES ($1, $2, $3, $4, $5::real[])`, [chunk!.id, chunk!.entity_id, MODEL, chunk!.version, vector]);

    expect((await search(n.staff.rhone, STAFF_PARAPHRASE))[0]).toMatchObject({ chunkId: chunk!.id, visibility: 'staff' });
    expect((await search(n.staff.region, STAFF_PARAPHRASE)).map((hit) => hit.chunkId)).toContain(chunk!.id);
    // Paris is outside the Rhône's subtree: neither search nor answers reach the note.
    expect((await search(n.staff.paris, STAFF_PARAPHRASE)).some((hit) => hit.chunkId === chunk!.id)).toBe(false);
    const { answer, row } = await ask(n.staff.paris, STAFF_PARAPHRASE);
    expect(row.retrieval).toEqual({ embeddings: 'used', model: MODEL });
    expect(JSON.stringify(answer)).not.toContain('0,8 %');
    expect(row.retrieved.some((retrieved) => retrieved.chunkId === chunk!.id)).toBe(false);
  });

  it('records in the journal that embeddings were used', async () => {
    const { answer, row } = await ask(n.staff.rhone, LEXICAL_QUESTION);
    expect(answer.status).toBe('answered');
    expect(row.retrieval).toEqual({ embeddings: 'used', model: MODEL });
  });

  it('falls back to lexical retrieval when the embedding provider fails or is too slow, and still answers', async () => {
    llm.embeddings = { status: 500 };
    const failed = await ask(n.staff.rhone, LEXICAL_QUESTION);
    expect(failed.answer.status).toBe('answered');
    expect(failed.answer.segments.map((segment) => segment.text).join(' ')).toContain('entretien préalable');
    expect(failed.row.retrieval).toEqual({ embeddings: 'failed', model: MODEL, error: 'The embedding provider answered HTTP 500' });
    expect((await search(n.staff.rhone, LEXICAL_QUESTION))[0]!.title).toBe("Licenciement : l'entretien préalable");

    llm.embeddings = { delayMs: 8_000, vectorOf };
    const started = Date.now();
    const slow = await ask(n.staff.rhone, LEXICAL_QUESTION);
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(slow.answer.status).toBe('answered');
    expect(slow.row.retrieval).toMatchObject({ embeddings: 'failed', model: MODEL, error: expect.stringContaining('could not be reached') });
    llm.embeddings = { vectorOf };
  });

  it('re-embeds a chunk whose text changed, and everything on an explicit re-index', async () => {
    const [before] = await embeddedChunks('Salaire minimum');
    const sentBefore = llm.embedded.length;
    await upload(n.staff.national, guides, jsonl([
      { id: 'entretien', title: "Licenciement : l'entretien préalable", text: `${DISMISSAL} Contact du service juridique : juridique@exemple.fr.` },
      { id: 'smic', title: 'Salaire minimum', text: 'Le salaire minimum est revalorisé chaque année au 1er janvier, et en cours d’année si les prix augmentent.' },
    ]));
    await until('the changed chunk to be re-embedded', async () => {
      const [after] = await embeddedChunks('Salaire minimum');
      return after !== undefined && after.chunk_version !== before!.chunk_version;
    });
    const [after] = await embeddedChunks('Salaire minimum');
    expect(after!.chunk_version).toBe(after!.version);
    // Only the changed text was sent: the unchanged document kept its vector.
    expect(llm.embedded.slice(sentBefore)).toEqual([expect.stringContaining('en cours d’année')]);

    // Re-indexing rebuilds the chunks, and their vectors with them (how a new model is applied).
    const [dismissal] = await embeddedChunks("Licenciement : l'entretien préalable");
    const reindex = await n.call(n.staff.national, 'POST', `/api/v1/ai/collections/${guides}/reindex`);
    expect(reindex.statusCode, reindex.body).toBe(202);
    await until('the collection to be re-embedded', async () => {
      const [rebuilt] = await embeddedChunks("Licenciement : l'entretien préalable");
      return rebuilt !== undefined && rebuilt.chunk_id !== dismissal!.chunk_id && (await embeddedChunks('Salaire minimum')).length === 1;
    });
    expect((await search(n.staff.paris, PARAPHRASE))[0]!.title).toBe("Licenciement : l'entretien préalable");
  });

  it('embeds a CMS article when it is published, so that a paraphrase finds it', async () => {
    const site = await n.call(n.staff.national, 'POST', '/api/v1/cms/sites', { entityId: n.ids.FR, slug: 'ai-embeddings-national', name: 'Confédération nationale' });
    expect(site.statusCode, site.body).toBe(201);
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: "La demande d'homologation de la rupture conventionnelle est adressée à l'administration du travail." }] }] };
    const created = await n.call(n.staff.national, 'POST', `/api/v1/cms/sites/${site.json<{ id: string }>().id}/contents`, { kind: 'article', title: ARTICLE_TITLE, body });
    expect(created.statusCode, created.body).toBe(201);
    // Lexical retrieval alone finds nothing for the paraphrase, before and after publication.
    const scope = { kind: 'entities' as const, entityRoots: [n.ids['75']!], userId: null };
    expect((await retrieve(n.database, scope, { question: ARTICLE_PARAPHRASE })).chunks).toEqual([]);

    const approved = await n.call(n.staff.national, 'POST', `/api/v1/cms/contents/${created.json<{ id: string }>().id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    await until('the published article to be embedded', async () => (await embeddedChunks(ARTICLE_TITLE)).length > 0);

    expect((await search(n.staff.paris, ARTICLE_PARAPHRASE))[0]).toMatchObject({ title: ARTICLE_TITLE, visibility: 'public' });
    expect((await retrieve(n.database, scope, { question: ARTICLE_PARAPHRASE })).chunks).toEqual([]);
  });
});
