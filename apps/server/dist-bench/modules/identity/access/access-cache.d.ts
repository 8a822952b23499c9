import type { Database } from '../../../platform/db/index.js';
import type { EntityTree, EntityTreeCache } from '../../../platform/tenancy/entity-tree.js';
export interface ResolvedAccess {
    roots: ReadonlyMap<string, readonly string[]>;
    tree: EntityTree;
}
/**
 * Each user's grants resolved to per-permission roots, kept in memory so that an authenticated
 * request usually costs no database round trip beyond the credential lookup.
 *
 * Changes made through this process (grants, roles, users) invalidate at once. Other processes
 * (several web instances) keep their entry until it expires: a revoked grant may stay usable
 * there for up to `ttlMs` (30 s). Deactivation is not affected: the credential lookup checks the
 * user's status on every request.
 */
export declare class AccessCache {
    private readonly database;
    private readonly tree;
    private readonly ttlMs;
    private readonly entries;
    constructor(database: Database, tree: EntityTreeCache, ttlMs?: number);
    resolve(userId: string): Promise<ResolvedAccess>;
    invalidateUser(userId: string): void;
    /** After a role's permissions change: every holder is affected. */
    invalidateAll(): void;
}
