import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { withTransaction, type Database, type Tx } from '../db/index.js';
import { BadRequestError, ConflictError, UnprocessableError } from './errors.js';
import { claimIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse, type StoredResponse } from './idempotency-store.js';

/**
 * `Idempotency-Key` on POST (the IETF httpapi draft, as Stripe does it):
 * - same caller + same key + same request → the first response again, with `Idempotency-Replayed: true`;
 * - same key with another method, path or body → 422 `idempotency_key_reused`;
 * - same key while the first request still runs → 409 `idempotency_key_in_flight`.
 * Keys belong to the authenticated user; anonymous callers cannot use them (see docs/api-conventions.md).
 * Body validation runs before the claim: a 422 for an invalid body is not remembered.
 */

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotency-replayed';
const KEY_PATTERN = '^[\\x21-\\x7E]{1,255}$';
/** Headers worth replaying; never Set-Cookie (a replay must not hand out a session). */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'content-location', 'last-modified'];
/** Outcomes that depend on the moment, not on the request: not remembered, the key can be retried. */
const NOT_STORED = new Set([401, 403, 408, 429]);

interface IdempotencyClaim {
  callerKey: string;
  key: string;
  /** Set once the response is stored (by the handler's transaction or by onSend), or after a replay. */
  settled: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyClaim | null;
  }
}

export function registerIdempotency(app: FastifyInstance, database: Database): void {
  app.decorateRequest('idempotency', null);
  const claimKey = keyClaimer(database);
  const settleClaim = claimSettler(database);

  // POST routes only get the hooks (ahead of their own) and the documented, validated header:
  // other requests do not pay for two hooks that would return at once.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    route.preHandler = [claimKey, ...hooksOf(route.preHandler)];
    route.onSend = [settleClaim, ...hooksOf(route.onSend)];
    if (route.schema?.hide) return;
    const header = Type.Optional(
      Type.String({ pattern: KEY_PATTERN, description: 'Unique key (a UUID) making a retried POST safe: the first response is replayed for 24 hours.' }),
    );
    const existing = (route.schema?.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
    route.schema = {
      ...(route.schema ?? {}),
      headers: { ...existing, type: 'object', properties: { ...(existing.properties ?? {}), [IDEMPOTENCY_HEADER]: header } },
    };
  });
}

function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

/** Before the handler: claims the key, or answers a replay, a mismatch or a request still in flight. */
function keyClaimer(database: Database) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !new RegExp(KEY_PATTERN).test(key)) {
      throw new BadRequestError('Idempotency-Key must be 1 to 255 visible ASCII characters.', [], 'invalid_idempotency_key');
    }
    if (!request.principal) {
      throw new BadRequestError('Idempotency-Key requires an authenticated caller.', [], 'idempotency_key_anonymous');
    }
    const callerKey = `user:${request.principal.userId}`;
    const requestPath = `${request.method} ${request.url}`;
    const requestHash = createHash('sha256')
      .update(requestPath)
      .update('\n')
      .update(JSON.stringify(request.body ?? null))
      .digest('base64url');
    const outcome = await claimIdempotencyKey(database, { callerKey, key, requestHash, requestPath });
    switch (outcome.kind) {
      case 'claimed':
        request.idempotency = { callerKey, key, settled: false };
        return;
      case 'mismatch':
        throw new UnprocessableError('idempotency_key_reused', 'Idempotency key reused', 'This Idempotency-Key was already used for a different request: use a new key.');
      case 'in_flight':
        throw new IdempotencyInFlightError();
      case 'replay':
        return replay(reply, outcome.response);
    }
  };
}

/** On the way out: stores the response the handler did not store itself, or releases the key. */
function claimSettler(database: Database) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim || claim.settled) return payload;
    claim.settled = true;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (reply.statusCode >= 500 || NOT_STORED.has(reply.statusCode) || body === undefined) {
      // Streams are not stored either: the key is released rather than replaying a partial answer.
      await releaseIdempotencyKey(database, claim.callerKey, claim.key);
      return payload;
    }
    const response = { status: reply.statusCode, headers: replayableHeaders(reply), body };
    await withTransaction(database, { kind: 'system' }, (tx) => storeIdempotentResponse(tx, claim.callerKey, claim.key, response));
    return payload;
  };
}

/**
 * Stores the response inside the business transaction, so that the write and its idempotency record
 * commit together: after a crash either both exist (the retry replays) or neither (the retry runs).
 * Call it last in the transaction, with the status and body the route will send.
 */
export async function recordIdempotentResponse(request: FastifyRequest, reply: FastifyReply, tx: Tx, status: number, body: unknown): Promise<void> {
  const claim = request.idempotency;
  if (!claim) return;
  const headers = replayableHeaders(reply);
  headers['content-type'] ??= 'application/json; charset=utf-8';
  await storeIdempotentResponse(tx, claim.callerKey, claim.key, { status, headers, body: JSON.stringify(body) });
  tx.afterCommit(() => {
    claim.settled = true;
  });
}

class IdempotencyInFlightError extends ConflictError {
  constructor() {
    super('A request with this Idempotency-Key is still being processed: retry in a moment.', 'idempotency_key_in_flight');
    Object.assign(this.headers, { 'retry-after': '1' });
  }
}

function replay(reply: FastifyReply, response: StoredResponse): FastifyReply {
  reply.code(response.status).headers(response.headers).header(REPLAYED_HEADER, 'true');
  const type = response.headers['content-type'] ?? '';
  if (response.body === null) return reply.send();
  // JSON goes back through the route's response serializer, exactly like the first time.
  return reply.send(/json/.test(type) ? JSON.parse(response.body) : response.body);
}

function replayableHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
