import { performance } from 'node:perf_hooks';
import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import type { Asker } from '../answers/answers.service.js';
import type { Retriever } from './retrieve-chunks.js';
import type { RetrievalRequest, RetrievedChunk } from './retrieved-chunk.js';

/**
 * The retrieval step alone, for integrators (API and MCP `search_content`): ranked chunks, and an
 * audit event naming the chunks returned with their versions (`channel`: api or mcp). The asker's
 * scope is limited to the subtrees where the assistant is enabled (`resolveAskerFor`).
 */
export async function searchKnowledge(
  retrieve: Retriever,
  database: Database,
  asker: Asker,
  audit: AuditActor,
  request: RetrievalRequest,
  channel: 'api' | 'mcp',
): Promise<{ items: RetrievedChunk[]; tookMs: number }> {
  const started = performance.now();
  const { chunks: items, trace } = await retrieve(database, asker.scope, request);
  const tookMs = Math.round(performance.now() - started);
  await withTransaction(database, asker.scope, (tx) =>
    recordAudit(tx, {
      action: 'ai.search.performed',
      resourceType: 'ai_search',
      resourceId: null,
      entityId: asker.entityId,
      after: {
        channel,
        question: request.question,
        filters: request.filters ?? {},
        retrieval: { ...trace },
        results: items.map((chunk) => `${chunk.chunkId}@${chunk.version.slice(0, 12)}:${chunk.score}`),
      },
      actor: audit,
    }),
  );
  return { items, tookMs };
}
