import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { MessageBus } from '../../../platform/bus/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';
import { MEMBERSHIP_PERMISSIONS } from './permissions.js';

export interface MembershipDeps {
  database: Database;
  bus: MessageBus;
}

export interface MembershipActor {
  principal: Principal;
  audit: AuditActor;
}

/** Writes see (RLS) only the entities where the caller holds the permission. */
export function scopeOf(actor: MembershipActor, permission: string = MEMBERSHIP_PERMISSIONS.write): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}

/** Drizzle wraps the driver's error: the SQLSTATE is on the error or on its cause. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const { code, cause, constraint: name } = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const matches = code === '23505' || cause?.code === '23505';
  return matches && (!constraint || name === constraint || cause?.constraint === constraint);
}
