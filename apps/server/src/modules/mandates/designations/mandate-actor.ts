import type { FastifyRequest } from 'fastify';
import { auditActorFrom, type AuditActor } from '../../../platform/audit/index.js';
import { requirePrincipal, type Principal } from '../../../platform/auth/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';

export interface MandateActor {
  principal: Principal;
  audit: AuditActor;
}

export interface MandateDeps {
  database: Database;
}

export function mandateActorFrom(request: FastifyRequest): MandateActor {
  return { principal: requirePrincipal(request), audit: auditActorFrom(request) };
}

export function scopeOf(actor: MandateActor, permission: string): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}

/** Today in UTC as YYYY-MM-DD (mandate dates are calendar dates). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
