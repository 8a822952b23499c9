import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Database, type Tx } from '../db/index.js';
/**
 * `Idempotency-Key` on POST (the IETF httpapi draft, as Stripe does it):
 * - same caller + same key + same request → the first response again, with `Idempotency-Replayed: true`;
 * - same key with another method, path or body → 422 `idempotency_key_reused`;
 * - same key while the first request still runs → 409 `idempotency_key_in_flight`.
 * Keys belong to the authenticated user; anonymous callers cannot use them (see docs/api-conventions.md).
 * Body validation runs before the claim: a 422 for an invalid body is not remembered.
 */
export declare const IDEMPOTENCY_HEADER = "idempotency-key";
export declare const REPLAYED_HEADER = "idempotency-replayed";
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
export declare function registerIdempotency(app: FastifyInstance, database: Database): void;
/**
 * Stores the response inside the business transaction, so that the write and its idempotency record
 * commit together: after a crash either both exist (the retry replays) or neither (the retry runs).
 * Call it last in the transaction, with the status and body the route will send.
 */
export declare function recordIdempotentResponse(request: FastifyRequest, reply: FastifyReply, tx: Tx, status: number, body: unknown): Promise<void>;
export {};
