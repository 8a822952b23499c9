import type { EmbeddingSettings } from '../../../platform/config/index.js';
import { ProviderError } from '../providers/generation-provider.js';
import { redactText } from '../providers/redaction.js';
import type { QueryEmbedder } from '../retrieval/retrieved-chunk.js';

/** Texts per `/embeddings` request when indexing. */
export const EMBEDDING_BATCH = 64;

/**
 * An OpenAI-compatible `/embeddings` endpoint (OpenAI, Mistral, Albert API, vLLM, Ollama…). Texts are
 * redacted (e-mails, phones, IBANs, NIR) before they leave, as prompts are; which chunks may be sent at
 * all is the classification rule (`providers/classification.ts`), applied by the callers. Vectors come
 * back normalised to unit length, so cosine similarity is their dot product.
 */
export class EmbeddingClient implements QueryEmbedder {
  /** Read by the classification rule: staff-only chunks are embedded only by an endpoint we operate. */
  readonly hostedOnPremises: boolean;
  readonly model: string;
  readonly dimensions: number;

  constructor(private readonly settings: EmbeddingSettings) {
    this.hostedOnPremises = settings.hostedOnPremises;
    this.model = settings.model;
    this.dimensions = settings.dimensions;
  }

  /** The question, within the short query budget (AI_EMBEDDINGS_QUERY_TIMEOUT_MS). */
  async embedQuestion(question: string): Promise<number[]> {
    return (await this.embed([question], this.settings.queryTimeoutMs))[0]!;
  }

  async embed(texts: readonly string[], timeoutMs = 30_000): Promise<number[][]> {
    if (texts.length === 0) return [];
    const url = `${this.settings.baseUrl.replace(/\/+$/, '')}/embeddings`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.settings.model, input: texts.map(redactText), encoding_format: 'float' }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ProviderError(`The embedding provider could not be reached: ${(error as Error).message}`, error);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ProviderError(`The embedding provider answered HTTP ${response.status}`);
    }
    let payload: { data?: Array<{ index?: number; embedding?: unknown }> };
    try {
      payload = (await response.json()) as typeof payload;
    } catch (error) {
      throw new ProviderError('The embedding provider sent an unreadable answer', error);
    }
    const data = [...(payload.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    if (data.length !== texts.length) throw new ProviderError(`The embedding provider returned ${data.length} vectors for ${texts.length} texts`);
    return data.map(({ embedding }) => {
      if (!Array.isArray(embedding) || embedding.length !== this.settings.dimensions || !embedding.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new ProviderError(`The embedding provider returned a vector that is not ${this.settings.dimensions} numbers (AI_EMBEDDINGS_DIMENSIONS)`);
      }
      return normalised(embedding as number[]);
    });
  }
}

function normalised(vector: number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? vector : vector.map((x) => x / norm);
}
