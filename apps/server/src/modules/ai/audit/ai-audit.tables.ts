import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import type { RetrievalTrace } from '../retrieval/retrieved-chunk.js';

export type { RetrievalTrace };

export const INTERACTION_STATUSES = ['answered', 'partial', 'refused', 'error'] as const;
export type InteractionStatus = (typeof INTERACTION_STATUSES)[number];
export const FEEDBACK_RATINGS = ['useful', 'wrong'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

/** One retrieved chunk as audited: enough to know what the answer was built from, not the text. */
export interface AuditedChunk {
  chunkId: string;
  sourceType: string;
  sourceId: string;
  version: string;
  score: number;
  visibility: string;
  /** Sent to the provider (relevant and allowed by the classification rule). */
  sent: boolean;
}

/**
 * Every question asked to the assistant, append-only (UPDATE and DELETE revoked from the app role;
 * the retention purge runs as the owner). Filed under the entity the asker acted for.
 */
export const aiInteractions = pgTable(
  'ai_interactions',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    userId: uuid('user_id').notNull(),
    conversationId: uuid('conversation_id'),
    question: text('question').notNull(),
    filters: jsonb('filters').notNull(),
    retrieved: jsonb('retrieved').$type<AuditedChunk[]>().notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptVersion: text('prompt_version'),
    rawOutputSha256: text('raw_output_sha256'),
    status: text('status', { enum: INTERACTION_STATUSES }).notNull(),
    message: text('message'),
    /** Verified segments with their citations, as returned. */
    answer: jsonb('answer').notNull(),
    /** Sentences the verifier dropped, with the rule they broke. */
    dropped: jsonb('dropped').notNull(),
    /** How many e-mails, phones, IBANs, NIRs were masked before an external call. */
    redactions: jsonb('redactions'),
    latencyMs: integer('latency_ms').notNull(),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    error: text('error'),
    /** How retrieval ran: `{ embeddings: 'off' | 'used' | 'failed', model?, error? }` (ADR 0025); null before 0052. */
    retrieval: jsonb('retrieval').$type<RetrievalTrace>(),
    /** `json` or `sse`. */
    channel: text('channel').notNull().default('json'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ai_interactions_entity_id_idx').on(table.entityId, table.createdAt),
    index('ai_interactions_user_id_idx').on(table.userId, table.createdAt),
    index('ai_interactions_created_at_idx').on(table.createdAt),
    check('ai_interactions_status', sql`${table.status} IN ('answered', 'partial', 'refused', 'error')`),
    tenantIsolationPolicy('ai_interactions'),
  ],
).enableRLS();

/** The asker's verdict on an answer; append-only, the latest row counts. */
export const aiFeedback = pgTable(
  'ai_feedback',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    interactionId: uuid('interaction_id')
      .notNull()
      .references(() => aiInteractions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    rating: text('rating', { enum: FEEDBACK_RATINGS }).notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ai_feedback_interaction_id_idx').on(table.interactionId, table.createdAt),
    index('ai_feedback_entity_id_idx').on(table.entityId),
    check('ai_feedback_rating', sql`${table.rating} IN ('useful', 'wrong')`),
    tenantIsolationPolicy('ai_feedback'),
  ],
).enableRLS();
