import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { newId, withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/http/errors.js';
import type { AuditedChunk } from '../audit/ai-audit.tables.js';
import { insertInteraction, type NewInteraction } from '../audit/interactions.repository.js';
import { chunksAllowedFor } from '../providers/classification.js';
import type { GenerationProvider, ProviderResult } from '../providers/generation-provider.js';
import { providerFor, type ProviderDeps } from '../providers/provider-resolver.js';
import { redact, withoutPersonalData, type RedactedKind } from '../providers/redaction.js';
import type { Retriever } from '../retrieval/retrieve-chunks.js';
import type { RetrievedChunk } from '../retrieval/retrieved-chunk.js';
import { ANSWER_MESSAGES } from './answer-messages.js';
import type { Answer, AskQuestion } from './answers.schema.js';
import { statusOf, verifySentence, type DroppedSentence, type VerifiedSegment } from './citation-verifier.js';
import { relevantChunks } from './relevance.js';

/** The retrieval step (ai/retrieval's `retrieverWith`): ranked chunks the scope may read, and how they were ranked. */
export type { Retriever };

export interface AnswerDeps extends ProviderDeps {
  retrieve: Retriever;
}

/** Who asks: the scope is the subtrees where they hold `ai.ask` with the assistant enabled. */
export interface Asker {
  userId: string;
  /** Where the interaction is filed (and whose provider settings apply). */
  entityId: string;
  scope: DbScope;
}

export interface AskOptions {
  channel: 'json' | 'sse';
  /** Each verified segment as soon as it is verified (streaming). */
  onSegment?: (segment: VerifiedSegment) => void | Promise<void>;
  /** Replaces the configured provider (evaluation). */
  provider?: GenerationProvider;
  /** Chunks asked from retrieval. Default 8. */
  retrievalLimit?: number;
}

export interface AnswerOutcome {
  answer: Answer;
  retrieved: RetrievedChunk[];
}

export class ProviderFailedError extends AppError {
  constructor(readonly interactionId: string) {
    super('ai_provider_failed', 502, 'Bad gateway', ANSWER_MESSAGES.providerFailed);
  }
}

const RETRIEVAL_LIMIT = 8;

/**
 * Answers a question from the sources the asker may read, under the citation rules (ADR 0018):
 * retrieve → relevance gate (refuse when nothing relevant) → classification rule (what may go to
 * this provider) → generate → verify every sentence before it is shown → record the interaction.
 * Every call is recorded, refusals and provider errors included.
 */
export async function answerQuestion(deps: AnswerDeps, asker: Asker, input: AskQuestion, options: AskOptions): Promise<AnswerOutcome> {
  const started = performance.now();
  const interactionId = newId();
  const record: NewInteraction = {
    id: interactionId,
    entityId: asker.entityId,
    userId: asker.userId,
    conversationId: input.conversationId ?? null,
    question: input.question,
    filters: input.filters ?? {},
    retrieved: [],
    retrieval: null,
    provider: 'none',
    model: 'none',
    promptVersion: null,
    rawOutputSha256: null,
    status: 'refused',
    message: null,
    answer: [],
    dropped: [],
    redactions: null,
    latencyMs: 0,
    promptTokens: null,
    completionTokens: null,
    error: null,
    channel: options.channel,
  };
  const finish = async (segments: VerifiedSegment[], dropped: DroppedSentence[], message: string | null): Promise<Answer> => {
    const status = statusOf(segments.length, dropped.length);
    const finalMessage = status === 'refused' ? (message ?? ANSWER_MESSAGES.unverified) : status === 'partial' ? ANSWER_MESSAGES.partial : null;
    Object.assign(record, { status, message: finalMessage, answer: segments, dropped, latencyMs: Math.round(performance.now() - started) });
    await save(deps.database, asker.scope, record);
    return {
      status,
      segments,
      interactionId,
      provider: record.provider,
      model: record.model,
      latencyMs: record.latencyMs,
      ...(finalMessage ? { message: finalMessage } : {}),
    };
  };

  let retrieved: RetrievedChunk[] = [];
  try {
    const filters = input.filters ?? {};
    const retrieval = await deps.retrieve(deps.database, asker.scope, { question: input.question, filters, limit: options.retrievalLimit ?? RETRIEVAL_LIMIT });
    retrieved = retrieval.chunks;
    record.retrieval = retrieval.trace;
    const provider = options.provider ?? (await providerFor(deps, asker.entityId));
    record.provider = provider.name;
    record.model = provider.model;
    // Personal data in a question says nothing about its topic: matched without it.
    const relevant = relevantChunks(withoutPersonalData(input.question), retrieved);
    const sent = chunksAllowedFor(provider, relevant);
    const sentIds = new Set(sent.map((chunk) => chunk.chunkId));
    record.retrieved = retrieved.map((chunk) => auditedChunk(chunk, sentIds.has(chunk.chunkId)));
    if (sent.length === 0) {
      return { answer: await finish([], [], relevant.length > 0 ? ANSWER_MESSAGES.restricted : ANSWER_MESSAGES.noSource), retrieved };
    }
    if (provider.external) record.redactions = redactionCounts(input.question, sent);

    const byId = new Map(sent.map((chunk) => [chunk.chunkId, chunk]));
    const segments: VerifiedSegment[] = [];
    const dropped: DroppedSentence[] = [];
    let result: ProviderResult;
    try {
      result = await provider.generate(input.question, sent, {
        onSentence: async (sentence) => {
          if (sentence.text.trim() === '') return;
          const outcome = verifySentence(sentence, byId);
          if ('reason' in outcome) {
            dropped.push(outcome);
            return;
          }
          segments.push(outcome);
          await options.onSegment?.(outcome);
        },
      });
    } catch (error) {
      record.status = 'error';
      record.error = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      record.latencyMs = Math.round(performance.now() - started);
      await save(deps.database, asker.scope, record);
      throw new ProviderFailedError(interactionId);
    }
    record.promptVersion = result.promptVersion;
    record.rawOutputSha256 = createHash('sha256').update(result.raw).digest('hex');
    record.promptTokens = result.usage?.promptTokens ?? null;
    record.completionTokens = result.usage?.completionTokens ?? null;
    return { answer: await finish(segments, dropped, null), retrieved };
  } catch (error) {
    if (error instanceof ProviderFailedError) throw error;
    // Retrieval or bookkeeping failed: still traced, then the usual 500.
    record.status = 'error';
    record.error = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    record.latencyMs = Math.round(performance.now() - started);
    await save(deps.database, asker.scope, record).catch(() => undefined);
    throw error;
  }
}

async function save(database: Database, scope: DbScope, record: NewInteraction): Promise<void> {
  await withTransaction(database, scope, (tx) => insertInteraction(tx, record));
}

function auditedChunk(chunk: RetrievedChunk, sent: boolean): AuditedChunk {
  return { chunkId: chunk.chunkId, sourceType: chunk.sourceType, sourceId: chunk.sourceId, version: chunk.version, score: chunk.score, visibility: chunk.visibility, sent };
}

function redactionCounts(question: string, chunks: readonly RetrievedChunk[]): Record<RedactedKind, number> {
  const total: Record<RedactedKind, number> = { email: 0, iban: 0, nir: 0, phone: 0 };
  for (const text of [question, ...chunks.flatMap((chunk) => [chunk.title, chunk.heading ?? '', chunk.text])]) {
    const { counts } = redact(text);
    for (const kind of Object.keys(total) as RedactedKind[]) total[kind] += counts[kind];
  }
  return total;
}
