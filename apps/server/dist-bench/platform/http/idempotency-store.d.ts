import { type Database, type Tx } from '../db/index.js';
/**
 * SQL of the idempotency_keys table. A claim is one atomic INSERT … ON CONFLICT: two concurrent
 * requests with the same key cannot both win, the loser sees the row in flight.
 */
export declare const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim still in flight after this long belongs to a request that died (requestTimeout is 60 s). */
export declare const ABANDONED_AFTER_SECONDS = 120;
export interface StoredResponse {
    status: number;
    headers: Record<string, string>;
    body: string | null;
}
export type ClaimOutcome = {
    kind: 'claimed';
} | {
    kind: 'replay';
    response: StoredResponse;
} | {
    kind: 'in_flight';
} | {
    kind: 'mismatch';
};
export interface ClaimInput {
    callerKey: string;
    key: string;
    requestHash: string;
    requestPath: string;
}
export declare function claimIdempotencyKey(database: Database, input: ClaimInput): Promise<ClaimOutcome>;
/** Records the outcome; with the business transaction's `tx`, it commits or rolls back with the write. */
export declare function storeIdempotentResponse(tx: Pick<Tx, 'client'>, callerKey: string, key: string, response: StoredResponse): Promise<void>;
/** Forgets an in-flight claim (the request failed with a 5xx): a retry with the same key runs again. */
export declare function releaseIdempotencyKey(database: Database, callerKey: string, key: string): Promise<void>;
/** Deletes expired keys in batches; meant for a scheduled job. Returns how many were deleted. */
export declare function purgeExpiredIdempotencyKeys(database: Database, batchSize?: number): Promise<number>;
