import { getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { aiInteractions, type AuditedChunk, type FeedbackRating, type InteractionStatus, type RetrievalTrace } from './ai-audit.tables.js';
import { interactionCollection } from './interactions.collection.js';
import type { Feedback, Interaction } from './interactions.schema.js';

export interface NewInteraction {
  id: string;
  entityId: string;
  userId: string;
  conversationId: string | null;
  question: string;
  filters: unknown;
  retrieved: AuditedChunk[];
  /** Null when retrieval did not run (it failed). */
  retrieval: RetrievalTrace | null;
  provider: string;
  model: string;
  promptVersion: string | null;
  rawOutputSha256: string | null;
  status: InteractionStatus;
  message: string | null;
  answer: unknown;
  dropped: unknown;
  redactions: Record<string, number> | null;
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
  error: string | null;
  channel: 'json' | 'sse';
}

export async function insertInteraction(tx: Tx, row: NewInteraction): Promise<void> {
  await tx.client.query(
    `INSERT INTO ai_interactions (id, entity_id, user_id, conversation_id, question, filters, retrieved, provider, model, prompt_version,
       raw_output_sha256, status, message, answer, dropped, redactions, latency_ms, prompt_tokens, completion_tokens, error, channel, retrieval)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
    [
      row.id, row.entityId, row.userId, row.conversationId, row.question, JSON.stringify(row.filters), JSON.stringify(row.retrieved),
      row.provider, row.model, row.promptVersion, row.rawOutputSha256, row.status, row.message, JSON.stringify(row.answer),
      JSON.stringify(row.dropped), row.redactions === null ? null : JSON.stringify(row.redactions), row.latencyMs, row.promptTokens,
      row.completionTokens, row.error, row.channel, row.retrieval === null ? null : JSON.stringify(row.retrieval),
    ],
  );
}

/** Who asked, under RLS: null when the interaction is outside the transaction's scope. */
export async function findInteractionOwner(tx: Tx, id: string): Promise<{ userId: string; entityId: string } | null> {
  const { rows } = await tx.client.query<{ userId: string; entityId: string }>(
    'SELECT user_id AS "userId", entity_id AS "entityId" FROM ai_interactions WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function insertFeedback(tx: Tx, row: { id: string; entityId: string; interactionId: string; userId: string; rating: FeedbackRating; comment: string | null }): Promise<Feedback> {
  const { rows } = await tx.client.query<{ createdAt: Date }>(
    `INSERT INTO ai_feedback (id, entity_id, interaction_id, user_id, rating, comment) VALUES ($1, $2, $3, $4, $5, $6) RETURNING created_at AS "createdAt"`,
    [row.id, row.entityId, row.interactionId, row.userId, row.rating, row.comment],
  );
  return { id: row.id, interactionId: row.interactionId, rating: row.rating, comment: row.comment, createdAt: rows[0]!.createdAt.toISOString() };
}

const latestFeedback = sql<{ rating: FeedbackRating; comment: string | null; created_at: string } | null>`(
  SELECT json_build_object('rating', f.rating, 'comment', f.comment, 'created_at', f.created_at)
  FROM ai_feedback f WHERE f.interaction_id = ai_interactions.id ORDER BY f.created_at DESC, f.id DESC LIMIT 1)`.as('feedback');

const PAGE_COLUMNS = { ...getTableColumns(aiInteractions), feedback: latestFeedback };

/** One page of the journal (askers not named yet); row-level security limits it to the transaction's scope. */
export async function findInteractionPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Interaction>> {
  const page = await fetchPage<typeof aiInteractions.$inferSelect & { feedback: { rating: FeedbackRating; comment: string | null; created_at: string } | null }>(
    tx,
    interactionCollection,
    query,
    { table: aiInteractions, columns: PAGE_COLUMNS },
  );
  return {
    ...page,
    items: page.items.map((row) => ({
      id: row.id,
      entityId: row.entityId,
      userId: row.userId,
      user: null,
      conversationId: row.conversationId,
      question: row.question,
      filters: row.filters,
      retrieved: row.retrieved,
      retrieval: row.retrieval ?? null,
      provider: row.provider,
      model: row.model,
      promptVersion: row.promptVersion,
      rawOutputSha256: row.rawOutputSha256,
      status: row.status,
      message: row.message,
      answer: row.answer as Interaction['answer'],
      dropped: row.dropped as Interaction['dropped'],
      redactions: (row.redactions ?? null) as Interaction['redactions'],
      latencyMs: row.latencyMs,
      promptTokens: row.promptTokens,
      completionTokens: row.completionTokens,
      error: row.error,
      channel: row.channel,
      feedback: row.feedback ? { rating: row.feedback.rating, comment: row.feedback.comment, createdAt: new Date(row.feedback.created_at).toISOString() } : null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/** Retention: rows older than the period go, feedback with them (cascade). Run as the owner. */
export const PURGE_INTERACTIONS_SQL = `DELETE FROM ai_interactions WHERE created_at < now() - make_interval(days => $1)`;
