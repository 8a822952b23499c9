import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { purgeInteractions } from '../audit/interactions.service.js';
import { guidesAsDocuments } from '../eval/run-evaluation.js';
import { loadCollection } from '../eval/load-collection.js';
import type { Answer } from './answers.schema.js';
import { passageNumber, startChatCompletionsServer, type ChatCompletionsServer } from './testing/chat-completions-server.js';

const CDD_QUOTE = 'Sa durée maximale est en principe de 18 mois, renouvellements compris.';
const CDD_QUESTION = "Quelle est la durée maximale d'un CDD, renouvellements compris ?";
const RHONE_QUESTION = 'Quelle est la cotisation volontaire des adhérents rhodaniens ?';

describe('AI answers API', () => {
  let n: CrmTestNetwork;
  let llm: ChatCompletionsServer;
  let corsica: SignedIn;
  let rhoneNoteId: string;

  beforeAll(async () => {
    n = await createCrmTestNetwork('ai-answers');
    llm = await startChatCompletionsServer();
    await createUser(n.t, { email: 'manager.2a@ai.test', roleCode: 'manager', entityId: n.ids['2A']! });
    corsica = await signIn(n.t.app, 'manager.2a@ai.test');
    await loadCollection(n.database, { entityId: n.ids.FR!, name: 'Guides pratiques', visibility: 'members', fileName: 'guides.jsonl', documents: guidesAsDocuments() });
    const rhone = await loadCollection(n.database, {
      entityId: n.ids['69']!,
      name: 'Notes internes',
      visibility: 'staff',
      fileName: 'notes.jsonl',
      documents: [
        {
          externalRef: 'note-69',
          title: 'Note interne du Rhône',
          heading: null,
          text: "La cotisation volontaire des adhérents rhodaniens est fixée à 0,8 % de la masse salariale pour l'exercice 2027.",
          url: null,
          version: null,
        },
      ],
    });
    rhoneNoteId = [...rhone.refs.keys()][0]!;
    await loadCollection(n.database, {
      entityId: n.ids['2A']!,
      name: 'Notes internes',
      visibility: 'staff',
      fileName: 'notes.jsonl',
      documents: [{ externalRef: 'note-2a', title: 'Note interne de Corse-du-Sud', heading: null, text: 'Le comité de pilotage de Corse-du-Sud se réunit chaque premier lundi du mois à Ajaccio.', url: null, version: null }],
    });
    // Corse-du-Sud sends its questions to an external Chat Completions endpoint (not hosted on our premises).
    await withOwnerClient(n.database, (client) =>
      client.query(`INSERT INTO ai_provider_settings (id, entity_id, provider, base_url, model, hosted_on_premises) VALUES ($1, $2, 'openai-compatible', $3, 'albert-test', false)`, [
        newId(),
        n.ids['2A'],
        llm.baseUrl,
      ]),
    );
  }, 120_000);
  afterAll(async () => {
    await llm?.close();
    await n?.t.close();
  });

  const ask = (who: SignedIn, question: string, headers: Record<string, string> = {}) => n.call(who, 'POST', '/api/v1/ai/answers', { question }, headers);
  const interaction = async (id: string) =>
    withOwnerClient(n.database, async (client) => (await client.query('SELECT * FROM ai_interactions WHERE id = $1', [id])).rows[0] as Record<string, unknown>);

  it('answers 403 while the assistant flag is off, and 401/403 without the session or the permission', async () => {
    const response = await ask(n.staff.rhone, CDD_QUESTION);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ai_assistant_disabled', detail: "L'assistant n'est pas activé pour votre structure." });
    expect((await n.t.app.inject({ method: 'POST', url: '/api/v1/ai/answers', payload: { question: CDD_QUESTION } })).statusCode).toBe(401);
    const flag = await n.call(n.staff.national, 'POST', '/api/v1/feature-flags', { key: 'ai.assistant', kind: 'boolean', defaultVariant: 'on' });
    expect(flag.statusCode, flag.body).toBe(201);
  });

  it('answers from the sources with verified, verbatim citations (extractive) and records the interaction', async () => {
    const response = await ask(n.staff.rhone, CDD_QUESTION);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<Answer>();
    expect(answer).toMatchObject({ status: 'answered', provider: 'extractive' });
    expect(answer.segments.map((s) => s.text).join(' ')).toContain('18 mois');
    const citation = answer.segments[0]!.citations[0]!;
    expect(citation).toMatchObject({ sourceType: 'document', title: 'Le contrat à durée déterminée (CDD)', url: 'https://guides.maillage.example/guides/contrat-cdd' });
    const source = guidesAsDocuments().find((d) => d.externalRef === 'contrat-cdd')!;
    expect(source.text.slice(citation.start, citation.end)).toBe(citation.quote);
    const row = await interaction(answer.interactionId);
    expect(row).toMatchObject({ status: 'answered', provider: 'extractive', user_id: n.staff.rhone.userId, entity_id: n.ids['69'], prompt_version: 'extractive-v1', channel: 'json' });
    expect((row.retrieved as Array<{ chunkId: string }>).length).toBeGreaterThan(0);
    expect(row.raw_output_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an unanswerable question with a French message, and records the refusal', async () => {
    const response = await ask(n.staff.rhone, 'Quel capital minimum pour créer une SAS ?');
    expect(response.statusCode).toBe(200);
    const answer = response.json<Answer>();
    expect(answer).toMatchObject({ status: 'refused', segments: [] });
    expect(answer.message).toContain("aucun passage qui réponde");
    expect(await interaction(answer.interactionId)).toMatchObject({ status: 'refused' });
  });

  it("never gives a branch user another branch's staff-only source", async () => {
    const own = (await ask(n.staff.rhone, RHONE_QUESTION)).json<Answer>();
    expect(own.status).toBe('answered');
    expect(own.segments[0]!.citations[0]!.sourceId).toBe(rhoneNoteId);
    const other = (await ask(n.staff.paris, RHONE_QUESTION)).json<Answer>();
    expect(other.segments.flatMap((s) => s.citations).some((c) => c.sourceId === rhoneNoteId)).toBe(false);
    expect(JSON.stringify(other)).not.toContain('0,8 %');
    const row = await interaction(other.interactionId);
    expect((row.retrieved as Array<{ sourceId: string }>).some((c) => c.sourceId === rhoneNoteId)).toBe(false);
  });

  it('streams verified segments then the answer as server-sent events (Accept: text/event-stream)', async () => {
    const response = await ask(n.staff.rhone, CDD_QUESTION, { accept: 'text/event-stream' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = parseEvents(response.body);
    expect(events.at(-1)!.event).toBe('answer');
    expect(events.filter((e) => e.event === 'segment').length).toBe((events.at(-1)!.data as Answer).segments.length);
    expect(await interaction((events.at(-1)!.data as Answer).interactionId)).toMatchObject({ channel: 'sse' });
  });

  describe('openai-compatible provider (local Chat Completions server)', () => {
    it('keeps the verified sentence, drops a fabricated quote and an uncited sentence: partial', async () => {
      llm.reply = {
        content: (prompt) => {
          const n1 = passageNumber(prompt, CDD_QUOTE);
          return [
            `Un CDD dure au plus 18 mois, renouvellements compris. [${n1}] « ${CDD_QUOTE} »`,
            `Le CDD peut toujours être renouvelé trois fois. [${n1}] « Le CDD peut être renouvelé trois fois sans limite. »`,
            "Il vaut mieux consulter un avocat avant d'en signer un.",
          ].join('\n');
        },
      };
      const response = await ask(corsica, CDD_QUESTION);
      expect(response.statusCode, response.body).toBe(200);
      const answer = response.json<Answer>();
      expect(answer).toMatchObject({ status: 'partial', provider: 'openai-compatible', model: 'albert-test' });
      expect(answer.segments.map((s) => s.text)).toEqual(['Un CDD dure au plus 18 mois, renouvellements compris.']);
      expect(answer.segments[0]!.citations[0]!.quote).toBe(CDD_QUOTE);
      expect(answer.message).toContain('retirées');
      const row = await interaction(answer.interactionId);
      expect((row.dropped as Array<{ reason: string }>).map((d) => d.reason)).toEqual(['quote_not_found', 'uncited']);
      expect(row).toMatchObject({ prompt_version: 'answer-v1', prompt_tokens: 321, completion_tokens: 45 });
    });

    it('refuses when the only sentence states a number no cited source states', async () => {
      llm.reply = { content: (prompt) => `Un CDD dure au plus 24 mois. [${passageNumber(prompt, CDD_QUOTE)}] « ${CDD_QUOTE} »` };
      const answer = (await ask(corsica, CDD_QUESTION)).json<Answer>();
      expect(answer).toMatchObject({ status: 'refused', segments: [] });
      expect(answer.message).toContain("n'a pas pu être vérifiée");
    });

    it('redacts e-mails and phone numbers from the prompt actually sent', async () => {
      llm.reply = { content: 'AUCUNE_REPONSE' };
      const before = llm.received.length;
      const answer = (await ask(corsica, `Jeanne (jeanne.durand@exemple.fr, 06 12 34 56 78) est en CDD : quelle est la durée maximale d'un CDD ?`)).json<Answer>();
      expect(answer.status).toBe('refused');
      expect(llm.received.length).toBe(before + 1);
      const sent = llm.received.at(-1)!;
      expect(sent).not.toContain('jeanne.durand');
      expect(sent).not.toContain('06 12 34 56 78');
      expect(sent).toContain('[courriel masqué]');
      expect(sent).toContain('[téléphone masqué]');
      expect((await interaction(answer.interactionId)).redactions).toMatchObject({ email: 1, phone: 1 });
    });

    it('never sends a staff-only source to an external provider', async () => {
      const before = llm.received.length;
      const answer = (await ask(corsica, 'Quand se réunit le comité de pilotage de Corse-du-Sud ?')).json<Answer>();
      expect(answer.status).toBe('refused');
      expect(answer.message).toContain('réservées au personnel');
      expect(llm.received.length).toBe(before);
      expect(llm.received.join('')).not.toContain('Ajaccio');
    });

    it('answers 502 on a provider error and records it', async () => {
      llm.reply = { status: 500 };
      const response = await ask(corsica, CDD_QUESTION);
      expect(response.statusCode).toBe(502);
      expect(response.json()).toMatchObject({ code: 'ai_provider_failed' });
      const rows = await withOwnerClient(n.database, async (client) => (await client.query(`SELECT status, error FROM ai_interactions WHERE user_id = $1 AND status = 'error'`, [corsica.userId])).rows);
      expect(rows).toEqual([{ status: 'error', error: 'The provider answered HTTP 500' }]);
    });

    it('streams from the provider: each segment is sent once verified (POST /answers/stream)', async () => {
      llm.reply = { content: (prompt) => `Un CDD dure au plus 18 mois, renouvellements compris. [${passageNumber(prompt, CDD_QUOTE)}] « ${CDD_QUOTE} »\n` };
      const response = await n.call(corsica, 'POST', '/api/v1/ai/answers/stream', { question: CDD_QUESTION });
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(llm.received.at(-1)!)).toMatchObject({ stream: true, model: 'albert-test' });
      const events = parseEvents(response.body);
      expect(events.map((e) => e.event)).toEqual(['segment', 'answer']);
      expect(events[1]!.data).toMatchObject({ status: 'answered', provider: 'openai-compatible' });
    });
  });

  describe('journal', () => {
    it('lets only the asker give feedback', async () => {
      const answer = (await ask(n.staff.rhone, CDD_QUESTION)).json<Answer>();
      const url = `/api/v1/ai/interactions/${answer.interactionId}/feedback`;
      const given = await n.call(n.staff.rhone, 'POST', url, { rating: 'useful', comment: 'Clair.' });
      expect(given.statusCode, given.body).toBe(201);
      expect((await n.call(n.staff.rhoneViewer, 'POST', url, { rating: 'wrong' })).statusCode).toBe(404);
      expect((await n.call(n.staff.paris, 'POST', url, { rating: 'wrong' })).statusCode).toBe(404);
      const listed = await n.call(n.staff.rhoneAdmin, 'GET', `/api/v1/ai/interactions?filter[userId]=${n.staff.rhone.userId}&limit=100`);
      expect(listed.statusCode, listed.body).toBe(200);
      const item = listed.json<{ items: Array<{ id: string; feedback: unknown }> }>().items.find((i) => i.id === answer.interactionId);
      expect(item?.feedback).toMatchObject({ rating: 'useful', comment: 'Clair.' });
    });

    it('names each asker, even one homed outside the reader\'s branch (CSV too)', async () => {
      const visitor = await createUser(n.t, { email: 'conseillere@ai.test', displayName: 'Conseillère nationale', roleCode: 'manager', entityId: n.ids['69']!, homeEntityId: n.ids.FR! });
      const asked = (await ask(await signIn(n.t.app, 'conseillere@ai.test'), CDD_QUESTION)).json<Answer>();
      const mine = (await ask(n.staff.rhone, CDD_QUESTION)).json<Answer>();
      const listed = await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/ai/interactions?limit=200');
      expect(listed.statusCode, listed.body).toBe(200);
      const items = listed.json<{ items: Array<{ id: string; user: unknown }> }>().items;
      expect(items.find((i) => i.id === asked.interactionId)?.user).toEqual({ id: visitor.id, displayName: 'Conseillère nationale', email: 'conseillere@ai.test' });
      expect(items.find((i) => i.id === mine.interactionId)?.user).toEqual({ id: n.staff.rhone.userId, displayName: 'ai-answers.rhone', email: 'ai-answers.rhone@crm.test' });
      const csv = await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/ai/interactions', undefined, { accept: 'text/csv' });
      expect(csv.body).toContain('userId,userName,userEmail');
      expect(csv.body).toContain('Conseillère nationale,conseillere@ai.test');
    });

    it("shows an admin their branch's interactions only, and exports CSV and JSON Lines", async () => {
      const rhone = (await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/ai/interactions?limit=200')).json<{ items: Array<{ entityId: string }> }>().items;
      expect(rhone.length).toBeGreaterThan(0);
      expect(rhone.every((i) => i.entityId === n.ids['69'])).toBe(true);
      const national = (await n.call(n.staff.national, 'GET', '/api/v1/ai/interactions?limit=200')).json<{ items: Array<{ entityId: string }> }>().items;
      expect(new Set(national.map((i) => i.entityId))).toEqual(new Set([n.ids['69'], n.ids['75'], n.ids['2A']]));
      expect((await n.call(n.staff.rhone, 'GET', '/api/v1/ai/interactions')).statusCode).toBe(403);
      const csv = await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/ai/interactions', undefined, { accept: 'text/csv' });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('id,createdAt,entityId');
      expect(csv.body).not.toContain(n.ids['75']!);
      const jsonl = await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/ai/interactions', undefined, { accept: 'application/jsonl' });
      expect(jsonl.statusCode).toBe(200);
      const lines = jsonl.body.trim().split('\n').map((line) => JSON.parse(line) as { entityId: string });
      expect(lines.length).toBe(rhone.length);
    });

    it('is append-only for the application role, and purged after the retention period', async () => {
      await expect(
        withTransaction(n.database, { kind: 'system' }, (tx) => tx.client.query(`UPDATE ai_interactions SET question = 'x'`)),
      ).rejects.toThrow(/permission denied/);
      await expect(withTransaction(n.database, { kind: 'system' }, (tx) => tx.client.query(`DELETE FROM ai_interactions`))).rejects.toThrow(/permission denied/);
      const old = (await ask(n.staff.region, CDD_QUESTION)).json<Answer>().interactionId;
      await withOwnerClient(n.database, (client) => client.query(`UPDATE ai_interactions SET created_at = now() - interval '400 days' WHERE id = $1`, [old]));
      expect(await purgeInteractions(n.database, 365)).toBe(1);
      expect(await interaction(old)).toBeUndefined();
    });

    it('rate-limits a user with 429 and Retry-After', async () => {
      let response;
      for (let i = 0; i < 21; i += 1) response = await ask(n.staff.rhoneViewer, 'Quel est le taux normal de TVA ?');
      expect(response!.statusCode).toBe(429);
      expect(Number(response!.headers['retry-after'])).toBeGreaterThan(0);
      expect(response!.json()).toMatchObject({ code: 'ai_rate_limited' });
    });
  });

  describe('provider settings', () => {
    const url = (entityId: string) => `/api/v1/ai/provider-settings/${entityId}`;

    it('shows the settings that apply, inherited from an ancestor or the server default', async () => {
      const paris = await n.call(n.staff.parisAdmin, 'GET', url(n.ids['75']!));
      expect(paris.statusCode, paris.body).toBe(200);
      expect(paris.json()).toMatchObject({ provider: 'extractive', definedAt: null });
      const corsica = await n.call(n.staff.national, 'GET', url(n.ids['2A']!));
      expect(corsica.json()).toMatchObject({ provider: 'openai-compatible', model: 'albert-test', hasApiKey: false, definedAt: n.ids['2A'] });
      expect((await n.call(n.staff.parisAdmin, 'GET', url(n.ids['69']!))).statusCode).toBe(404);
      expect((await n.call(n.staff.paris, 'GET', url(n.ids['75']!))).statusCode).toBe(403);
    });

    it('lets a branch admin switch provider, keeping the API key encrypted and never returned', async () => {
      expect((await n.call(n.staff.rhoneAdmin, 'PUT', url(n.ids['69']!), { provider: 'openai-compatible', baseUrl: llm.baseUrl })).statusCode).toBe(422);
      expect((await n.call(n.staff.parisAdmin, 'PUT', url(n.ids['69']!), { provider: 'extractive' })).statusCode).toBe(404);
      const put = await n.call(n.staff.rhoneAdmin, 'PUT', url(n.ids['69']!), { provider: 'openai-compatible', baseUrl: llm.baseUrl, model: 'rhone-model', apiKey: 'sk-test-secret-123' });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toEqual({ entityId: n.ids['69'], provider: 'openai-compatible', baseUrl: llm.baseUrl, model: 'rhone-model', hasApiKey: true, hostedOnPremises: false, definedAt: n.ids['69'] });
      expect(put.body).not.toContain('sk-test-secret');
      const stored = await withOwnerClient(n.database, async (client) => (await client.query(`SELECT api_key_encrypted FROM ai_provider_settings WHERE entity_id = $1`, [n.ids['69']])).rows[0]);
      expect(stored!.api_key_encrypted).not.toContain('sk-test-secret');
      llm.reply = { content: (prompt) => `Un CDD dure au plus 18 mois, renouvellements compris. [${passageNumber(prompt, CDD_QUOTE)}] « ${CDD_QUOTE} »` };
      const answer = (await ask(n.staff.rhone, CDD_QUESTION)).json<Answer>();
      expect(answer).toMatchObject({ status: 'answered', provider: 'openai-compatible', model: 'rhone-model' });
    });
  });
});

function parseEvents(body: string): Array<{ event: string; data: unknown }> {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)![1]!;
      const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as unknown;
      return { event, data };
    });
}
