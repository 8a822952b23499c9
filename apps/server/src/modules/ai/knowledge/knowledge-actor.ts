import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';
import type { MessageBus } from '../../../platform/bus/index.js';
import { AI_PERMISSIONS } from './permissions.js';

/** Who acts on the knowledge base, and the audit identity of the request. */
export interface KnowledgeActor {
  principal: Principal;
  audit: AuditActor;
}

export interface KnowledgeDeps {
  database: Database;
  bus: MessageBus;
}

export function scopeOf(actor: KnowledgeActor, permission: string = AI_PERMISSIONS.knowledgeManage): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}
