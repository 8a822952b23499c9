import type { FastifyRequest } from 'fastify';
import { requirePrincipal, type Principal } from '../../../platform/auth/index.js';
import type { FeatureFlags } from '../../../platform/flags/index.js';
import { ForbiddenError } from '../../../platform/http/errors.js';
import { AI_PERMISSIONS } from '../knowledge/permissions.js';
import { ANSWER_MESSAGES } from './answer-messages.js';
import type { Asker } from './answers.service.js';

/** Feature flag enabling the assistant, evaluated per entity (rules on an ancestor apply below it). */
export const AI_ASSISTANT_FLAG = 'ai.assistant';

/** The subtree roots, among `roots`, where the assistant is enabled for this user. */
export async function assistantEnabledRoots(flags: FeatureFlags, userId: string, roots: readonly string[]): Promise<string[]> {
  const enabled: string[] = [];
  for (const entityId of roots) {
    if (await flags.isEnabled(AI_ASSISTANT_FLAG, { userId, entityId })) enabled.push(entityId);
  }
  return enabled;
}

/**
 * The caller as an asker: the subtrees where they hold `ai.ask` AND the assistant is enabled. The
 * retrieval scope is narrowed to them, so a branch where the flag is off contributes nothing.
 * 403 when there is none. Used by the answers, search and MCP `search_content`.
 */
export async function resolveAskerFor(principal: Principal, flags: FeatureFlags): Promise<Asker> {
  const enabled = await assistantEnabledRoots(flags, principal.userId, principal.rootsFor(AI_PERMISSIONS.ask));
  if (enabled.length === 0) throw new ForbiddenError(ANSWER_MESSAGES.disabled, 'ai_assistant_disabled');
  return { userId: principal.userId, entityId: enabled[0]!, scope: { kind: 'entities', entityRoots: enabled, userId: principal.userId } };
}

export function resolveAsker(request: FastifyRequest, flags: FeatureFlags): Promise<Asker> {
  return resolveAskerFor(requirePrincipal(request), flags);
}
