import { performance } from 'node:perf_hooks';
import { recordAudit, type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { AI_PERMISSIONS } from '../knowledge/permissions.js';
import { retrieveChunks } from './retrieve-chunks.js';
import type { RetrievalRequest, RetrievedChunk } from './retrieved-chunk.js';

export function askScopeOf(principal: Principal): DbScope {
  return { kind: 'entities', entityRoots: principal.rootsFor(AI_PERMISSIONS.ask), userId: principal.userId };
}

/**
 * The retrieval step alone, for integrators (API and MCP `search_content`): ranked chunks, and an
 * audit event naming the chunks returned with their versions (`channel`: api or mcp).
 */
export async function searchKnowledge(
  database: Database,
  principal: Principal,
  audit: AuditActor,
  request: RetrievalRequest,
  channel: 'api' | 'mcp',
): Promise<{ items: RetrievedChunk[]; tookMs: number }> {
  const started = performance.now();
  const scope = askScopeOf(principal);
  const items = await retrieveChunks(database, scope, request);
  const tookMs = Math.round(performance.now() - started);
  await withTransaction(database, scope, (tx) =>
    recordAudit(tx, {
      action: 'ai.search.performed',
      resourceType: 'ai_search',
      resourceId: null,
      entityId: principal.rootsFor(AI_PERMISSIONS.ask)[0] ?? null,
      after: {
        channel,
        question: request.question,
        filters: request.filters ?? {},
        results: items.map((chunk) => `${chunk.chunkId}@${chunk.version.slice(0, 12)}:${chunk.score}`),
      },
      actor: audit,
    }),
  );
  return { items, tookMs };
}
