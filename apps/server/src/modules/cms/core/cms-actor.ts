import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { DbScope } from '../../../platform/db/index.js';

/** Who acts on the CMS through the API. */
export interface CmsActor {
  principal: Principal;
  audit: AuditActor;
}

/** The database scope of an actor for one permission: RLS then shows those subtrees only. */
export function scopeFor(actor: CmsActor, permission: string): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}
