import { type Database } from '../db/index.js';
interface ChainRow {
    id: string;
    occurred_at: Date;
    actor_user_id: string | null;
    entity_id: string | null;
    action: string;
    resource_type: string;
    resource_id: string | null;
    changes: string | null;
    request_id: string | null;
    ip: string | null;
}
export declare function linkHash(previousHash: string, position: number, row: ChainRow): string;
/**
 * Links every committed unsealed event to the chain; returns how many were sealed. Runs as the
 * owner (the application role cannot update audit_events), in batches, each its own transaction.
 * Safe to call from several processes: the advisory lock makes them take turns.
 */
export declare function sealAuditEvents(database: Database): Promise<number>;
export type ChainVerification = {
    intact: true;
    count: number;
    headHash: string;
} | {
    intact: false;
    count: number;
    brokenAt: number;
    reason: string;
};
/**
 * Recomputes the whole chain from the genesis in one consistent snapshot. `brokenAt` is the first
 * position that does not check out: a changed or reordered row (hash mismatch), a deleted one
 * (gap), or deleted newest rows (the chain ends before the recorded head).
 * Unsealed events are not checked: call sealAuditEvents first.
 */
export declare function verifyAuditChain(database: Database): Promise<ChainVerification>;
export {};
