import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';
import { ProviderError, type DraftSentence, type GenerateOptions, type GenerationProvider, type ProviderResult, type TokenUsage } from './generation-provider.js';
import { parseMarkedAnswer } from './marked-answer.js';
import { ANSWER_PROMPT_VERSION, answerPromptV1 } from './prompts/answer-v1.js';
import { redactText } from './redaction.js';

export interface OpenAiCompatibleSettings {
  /** e.g. `https://albert.api.etalab.gouv.fr/v1` or `http://localhost:11434/v1` (the `/chat/completions` path is appended). */
  baseUrl: string;
  model: string;
  apiKey: string | null;
  /** Marked by an administrator: the endpoint runs on infrastructure we operate. */
  hostedOnPremises: boolean;
  timeoutMs?: number;
}

interface ChatCompletionChunk {
  choices?: Array<{ delta?: { content?: string | null }; message?: { content?: string | null } }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/**
 * Any Chat Completions endpoint (Albert API, Mistral, vLLM, Ollama…). The question and chunks are
 * redacted before they leave; the model answers with answer-v1's marked format, parsed into draft
 * sentences that the server verifies like any other provider's. Streams (SSE `data:` lines) when
 * the caller wants sentences as they come.
 */
export class OpenAiCompatibleProvider implements GenerationProvider {
  readonly name = 'openai-compatible';
  readonly external = true;

  constructor(private readonly settings: OpenAiCompatibleSettings) {}

  get model(): string {
    return this.settings.model;
  }

  get hostedOnPremises(): boolean {
    return this.settings.hostedOnPremises;
  }

  async generate(question: string, chunks: readonly RetrievedChunk[], options: GenerateOptions = {}): Promise<ProviderResult> {
    const redactedChunks = chunks.map((chunk) => ({ title: redactText(chunk.title), heading: chunk.heading === null ? null : redactText(chunk.heading), text: redactText(chunk.text) }));
    const stream = options.onSentence !== undefined;
    const body = JSON.stringify({
      model: this.settings.model,
      messages: answerPromptV1(redactText(question), redactedChunks),
      temperature: 0,
      stream,
      ...(stream ? { stream_options: { include_usage: true } } : {}),
    });
    const chunkIds = chunks.map((chunk) => chunk.chunkId);
    const response = await this.post(body, options.signal);
    const { raw, usage } = stream ? await this.readStream(response, chunkIds, options) : await this.readJson(response);
    return { sentences: parseMarkedAnswer(raw, chunkIds), raw, usage, promptVersion: ANSWER_PROMPT_VERSION, sentPrompt: body };
  }

  private async post(body: string, signal: AbortSignal | undefined): Promise<Response> {
    const url = `${this.settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
    const timeout = AbortSignal.timeout(this.settings.timeoutMs ?? 60_000);
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}) },
        body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new ProviderError(`The provider could not be reached: ${(error as Error).message}`, error);
    }
    if (!response.ok) {
      // The body may echo our prompt: only the status is kept.
      await response.body?.cancel();
      throw new ProviderError(`The provider answered HTTP ${response.status}`);
    }
    return response;
  }

  private async readJson(response: Response): Promise<{ raw: string; usage: TokenUsage | null }> {
    let payload: ChatCompletionChunk;
    try {
      payload = (await response.json()) as ChatCompletionChunk;
    } catch (error) {
      throw new ProviderError('The provider sent an unreadable answer', error);
    }
    const raw = payload.choices?.[0]?.message?.content;
    if (typeof raw !== 'string') throw new ProviderError('The provider answer has no message content');
    return { raw, usage: usageOf(payload) };
  }

  /** Reads `data:` events; every complete line of text is parsed and handed over at once. */
  private async readStream(response: Response, chunkIds: readonly string[], options: GenerateOptions): Promise<{ raw: string; usage: TokenUsage | null }> {
    if (!response.body) throw new ProviderError('The provider sent no stream');
    const decoder = new TextDecoder();
    let pending = '';
    let raw = '';
    let emittedUpTo = 0;
    let usage: TokenUsage | null = null;
    const emitLines = async (final: boolean) => {
      const cut = final ? raw.length : raw.lastIndexOf('\n') + 1;
      if (cut <= emittedUpTo) return;
      const sentences: DraftSentence[] = parseMarkedAnswer(raw.slice(emittedUpTo, cut), chunkIds);
      emittedUpTo = cut;
      for (const sentence of sentences) await options.onSentence?.(sentence);
    };
    try {
      for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
        pending += decoder.decode(bytes, { stream: true });
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, newline).replace(/\r$/, '');
          pending = pending.slice(newline + 1);
          if (!line.startsWith('data:')) continue;
          const data = line.slice(5).trim();
          if (data === '[DONE]') continue;
          const event = JSON.parse(data) as ChatCompletionChunk;
          raw += event.choices?.[0]?.delta?.content ?? '';
          usage = usageOf(event) ?? usage;
        }
        await emitLines(false);
      }
    } catch (error) {
      throw new ProviderError('The provider stream was interrupted or unreadable', error);
    }
    await emitLines(true);
    return { raw, usage };
  }
}

function usageOf(payload: ChatCompletionChunk): TokenUsage | null {
  const usage = payload.usage;
  if (!usage || typeof usage.prompt_tokens !== 'number') return null;
  return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens ?? 0 };
}
