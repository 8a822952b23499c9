import type { Principal } from '../../../platform/auth/index.js';
import type { DbScope } from '../../../platform/db/index.js';

/** The database scope of a principal acting with one permission (RLS shows only those subtrees). */
export function scopeOf(principal: Principal, permission: string): DbScope {
  return { kind: 'entities', entityRoots: principal.rootsFor(permission), userId: principal.userId };
}
