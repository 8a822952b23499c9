import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';

export interface EventDeps {
  database: Database;
}

export interface EventActor {
  principal: Principal;
  audit: AuditActor;
}

/** A transaction that sees (RLS) only the entities where the caller holds `permission`. */
export function scopeFor(actor: EventActor, permission: string): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}
