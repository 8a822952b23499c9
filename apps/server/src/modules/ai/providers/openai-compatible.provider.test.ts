import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunk } from '../answers/testing/chunks.js';
import { startChatCompletionsServer, type ChatCompletionsServer } from '../answers/testing/chat-completions-server.js';
import { ProviderError, type DraftSentence } from './generation-provider.js';
import { OpenAiCompatibleProvider } from './openai-compatible.provider.js';

const leave = chunk('Le salarié a droit à un congé de deux jours et demi ouvrables par mois de travail effectif. Contact paie : paie@exemple.fr.');

describe('openai-compatible provider', () => {
  let server: ChatCompletionsServer;
  let provider: OpenAiCompatibleProvider;
  beforeAll(async () => {
    server = await startChatCompletionsServer();
    provider = new OpenAiCompatibleProvider({ baseUrl: `${server.baseUrl}/`, model: 'mistral-small', apiKey: 'sk-local', hostedOnPremises: false });
  });
  afterAll(() => server?.close());

  it('calls Chat Completions (JSON) with the answer-v1 prompt, the key and redacted passages', async () => {
    server.reply = { content: 'Deux jours et demi par mois. [1] « deux jours et demi ouvrables par mois »' };
    const result = await provider.generate('Combien de jours de congé par mois ?', [leave]);
    expect(result.sentences).toEqual([{ text: 'Deux jours et demi par mois.', citations: [{ chunkId: leave.chunkId, quote: 'deux jours et demi ouvrables par mois' }] }]);
    expect(result).toMatchObject({ promptVersion: 'answer-v1', usage: { promptTokens: 321, completionTokens: 45 } });
    const body = JSON.parse(server.received.at(-1)!) as { model: string; stream: boolean; temperature: number; messages: Array<{ role: string; content: string }> };
    expect(body).toMatchObject({ model: 'mistral-small', stream: false, temperature: 0 });
    expect(body.messages[0]!.content).toContain('en français');
    expect(body.messages[1]!.content).toContain('[1] Guide de test');
    expect(body.messages[1]!.content).not.toContain('paie@exemple.fr');
    expect(server.authorizations.at(-1)).toBe('Bearer sk-local');
    expect(result.sentPrompt).toBe(server.received.at(-1));
  });

  it('streams: hands each complete line over as it arrives', async () => {
    server.reply = { content: 'Première phrase. [1] « deux jours et demi »\nSeconde phrase sans repère.\n' };
    const seen: DraftSentence[] = [];
    const result = await provider.generate('Combien de jours de congé par mois ?', [leave], { onSentence: (sentence) => void seen.push(sentence) });
    expect(seen.map((s) => s.text)).toEqual(['Première phrase.', 'Seconde phrase sans repère.']);
    expect(result.raw).toBe('Première phrase. [1] « deux jours et demi »\nSeconde phrase sans repère.\n');
    expect(result.usage).toEqual({ promptTokens: 321, completionTokens: 45 });
  });

  it('reports HTTP errors and unreachable endpoints as provider errors', async () => {
    server.reply = { status: 503 };
    await expect(provider.generate('Question de test ?', [leave])).rejects.toThrow(ProviderError);
    const down = new OpenAiCompatibleProvider({ baseUrl: 'http://127.0.0.1:9/v1', model: 'x', apiKey: null, hostedOnPremises: false });
    await expect(down.generate('Question de test ?', [leave])).rejects.toThrow(/could not be reached/);
  });
});
