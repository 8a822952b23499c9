import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatCompletionsServer {
  /** Base URL to configure, e.g. http://127.0.0.1:PORT/v1. */
  baseUrl: string;
  /** Raw bodies received, in order. */
  received: string[];
  /** Authorization header of each request (undefined when absent). */
  authorizations: Array<string | undefined>;
  /** What the next calls answer: text content (or a function of the request's prompt), or an HTTP error status. */
  reply: { content: string | ((prompt: string) => string) } | { status: number };
  /** `/v1/embeddings`: a vector per input text, an HTTP error status, or an answer that comes too late. */
  embeddings: { vectorOf: (text: string) => number[] } | { status: number } | { delayMs: number; vectorOf: (text: string) => number[] };
  /** Every text received by `/v1/embeddings`, in order. */
  embedded: string[];
  close(): Promise<void>;
}

/**
 * Deterministic stand-in for an embedding model: a bag of "concepts" hashed into `dimensions`. Each
 * folded word counts as its own concept unless `synonyms` maps it to a shared one, so a paraphrase
 * with no word in common can still point the same way (which no lexical ranking can see).
 */
export function conceptVectors(dimensions: number, synonyms: Record<string, string>): (text: string) => number[] {
  return (text) => {
    const vector = new Array<number>(dimensions).fill(0);
    const words = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 3);
    for (const word of words) {
      const concept = synonyms[word] ?? word;
      let hash = 2166136261;
      for (const char of concept) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
      vector[hash % dimensions]! += 1;
    }
    return vector;
  };
}

/**
 * A real HTTP server speaking the Chat Completions protocol (JSON and SSE streaming, with a usage
 * chunk) and `/v1/embeddings`, standing in for an LLM endpoint in tests: no model can be downloaded here.
 */
export async function startChatCompletionsServer(): Promise<ChatCompletionsServer> {
  const state: ChatCompletionsServer = {
    baseUrl: '',
    received: [],
    authorizations: [],
    reply: { content: '' },
    embeddings: { status: 503 },
    embedded: [],
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.url === '/v1/embeddings' && request.method === 'POST') {
        answerEmbeddings(state, body, response);
        return;
      }
      state.received.push(body);
      state.authorizations.push(request.headers.authorization);
      if (request.url !== '/v1/chat/completions' || request.method !== 'POST') {
        response.writeHead(404).end();
        return;
      }
      if ('status' in state.reply) {
        response.writeHead(state.reply.status, { 'content-type': 'application/json' }).end('{"error":{"message":"boom"}}');
        return;
      }
      const usage = { prompt_tokens: 321, completion_tokens: 45, total_tokens: 366 };
      const parsed = JSON.parse(body) as { stream?: boolean; model: string; messages: Array<{ content: string }> };
      const reply = state.reply.content;
      const content = typeof reply === 'function' ? reply(parsed.messages.map((m) => m.content).join('\n')) : reply;
      if (!parsed.stream) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: 'cmpl-1', object: 'chat.completion', model: parsed.model, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }], usage }));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // Small pieces, cutting words and lines, as real servers do.
      for (let i = 0; i < content.length; i += 7) {
        const delta = { id: 'cmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: content.slice(i, i + 7) } }] };
        response.write(`data: ${JSON.stringify(delta)}\n\n`);
      }
      response.write(`data: ${JSON.stringify({ id: 'cmpl-1', object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}

function answerEmbeddings(state: ChatCompletionsServer, body: string, response: ServerResponse): void {
  const { input, model } = JSON.parse(body) as { input: string[]; model: string };
  state.embedded.push(...input);
  const behaviour = state.embeddings;
  if ('status' in behaviour) {
    response.writeHead(behaviour.status, { 'content-type': 'application/json' }).end('{"error":{"message":"boom"}}');
    return;
  }
  const payload = JSON.stringify({ object: 'list', model, data: input.map((text, index) => ({ object: 'embedding', index, embedding: behaviour.vectorOf(text) })) });
  const send = () => response.writeHead(200, { 'content-type': 'application/json' }).end(payload);
  // The caller may have given up (timeout) by then: its socket is gone.
  if ('delayMs' in behaviour) setTimeout(() => !response.destroyed && send(), behaviour.delayMs).unref();
  else send();
}

/** The number `n` of the prompt passage `[n] …` whose text contains the needle (answer-v1 layout). */
export function passageNumber(prompt: string, needle: string): number {
  const passages = prompt.split(/\n\n(?=\[\d+\] )/);
  for (const passage of passages) {
    const match = /^\[(\d+)\] /.exec(passage.replace(/^[\s\S]*?Passages :\n/, ''));
    if (match && passage.includes(needle)) return Number(match[1]);
  }
  throw new Error(`No passage contains "${needle}"`);
}
