import type { Principal } from '../../../platform/auth/index.js';
import { ValidationError } from '../../../platform/http/errors.js';

/**
 * The entity a new tenant-owned record belongs to: the one asked for, if the caller holds the
 * permission there; otherwise the caller's only entity. Staff acting on several subtrees must say.
 */
export function owningEntity(principal: Principal, permission: string, requested: string | undefined, pointer = '/entityId'): string {
  if (requested !== undefined) {
    if (!principal.holdsOn(permission, requested)) {
      throw new ValidationError([{ pointer, message: "Vous ne pouvez pas enregistrer de données pour cette structure." }]);
    }
    return requested;
  }
  const roots = principal.rootsFor(permission);
  if (roots.length === 1) return roots[0]!;
  throw new ValidationError([{ pointer, message: 'Précisez la structure concernée : vous intervenez sur plusieurs structures.' }]);
}
