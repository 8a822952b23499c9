import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { auditActorFrom } from '../../../platform/audit/index.js';
import { requirePrincipal } from '../../../platform/auth/index.js';
import { requiredIfMatchVersion } from '../../../platform/http/preconditions.js';
import type { CmsActor } from './cms-actor.js';

export const CMS_TAGS = ['cms'];

export const IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (428 when missing, 412 when stale)' })) });
export const OPTIONAL_IF_MATCH = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'ETag read with GET (optional; 412 when stale)' })) });

export function actorOf(request: FastifyRequest): CmsActor {
  return { principal: requirePrincipal(request), audit: auditActorFrom(request) };
}

/** The version required by If-Match (428 without it), or `*`. */
export function expectedVersion(request: FastifyRequest): number | '*' {
  return requiredIfMatchVersion(request) ?? '*';
}

/** For workflow actions: If-Match is checked when sent, not required. */
export function optionalExpectedVersion(request: FastifyRequest): number | '*' {
  return request.headers['if-match'] === undefined ? '*' : expectedVersion(request);
}
