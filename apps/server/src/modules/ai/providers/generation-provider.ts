import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';

/** A citation as a provider proposes it: the server checks every field before anyone sees it. */
export interface DraftCitation {
  chunkId: string;
  /** Verbatim passage of the chunk supporting the sentence; absent: the server looks for one. */
  quote?: string;
  /** Offsets of the quote in the source text (chunk.start + offset in the chunk), when the provider states them. */
  start?: number;
  end?: number;
}

export interface DraftSentence {
  text: string;
  citations: DraftCitation[];
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What a provider produced for one question, before verification. */
export interface ProviderResult {
  sentences: DraftSentence[];
  /** Raw output as received (its sha256 is audited, never the text itself). */
  raw: string;
  usage: TokenUsage | null;
  /** Version of the prompt template used (`extractive` has none: its algorithm version). */
  promptVersion: string;
  /** The exact request body sent to an external endpoint (tests inspect redaction), or null. */
  sentPrompt?: string | null;
}

export interface GenerateOptions {
  /** Called with each sentence as soon as it is complete (streaming); the final result repeats them all. */
  onSentence?: (sentence: DraftSentence) => void | Promise<void>;
  signal?: AbortSignal;
}

/**
 * A generation provider turns the question and the chunks retrieved for it into cited sentences.
 * Chunks are numbered from 1 in the order given (prompts refer to them as [1], [2]…).
 */
export interface GenerationProvider {
  /** `extractive` or `openai-compatible`. */
  readonly name: string;
  readonly model: string;
  /** True when the model runs on infrastructure we operate: staff-only chunks may then be sent to it. */
  readonly hostedOnPremises: boolean;
  /** True when the chunks leave the process (redaction applies). */
  readonly external: boolean;
  generate(question: string, chunks: readonly RetrievedChunk[], options?: GenerateOptions): Promise<ProviderResult>;
}

/** A provider call that failed (network, HTTP status, unreadable stream): audited as an error. */
export class ProviderError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'ProviderError';
  }
}
