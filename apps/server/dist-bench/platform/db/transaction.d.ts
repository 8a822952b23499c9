import type pg from 'pg';
import { type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './database.js';
/** The role application queries run as, so that row-level security applies (the owner bypasses it). */
export declare const APP_ROLE = "maillage_app";
/**
 * What the database may show a transaction: the roots of the entity subtrees the caller may act on
 * (RLS expands them to descendants) and who acts, for audit columns.
 * `system` is for jobs and maintenance acting for the whole network.
 */
export type DbScope = {
    kind: 'entities';
    entityRoots: readonly string[];
    userId: string | null;
} | {
    kind: 'system';
};
export interface Tx {
    client: pg.PoolClient;
    db: NodePgDatabase;
    scope: DbScope;
    /** Callbacks run after COMMIT (cache invalidation, notifications); skipped on rollback. */
    afterCommit(callback: () => void): void;
}
/**
 * One round trip opens the transaction, switches to the application role and sets the scope:
 * the values are inlined (a simple-protocol multi-statement), which is safe because every
 * value is checked to be a UUID first.
 */
export declare function scopePreamble(scope: DbScope, readOnly: boolean): string;
export declare function withTransaction<T>(database: Database, scope: DbScope, work: (tx: Tx) => Promise<T>, options?: {
    readOnly?: boolean;
}): Promise<T>;
/** Runs as the database owner, outside row-level security: migrations, seeds, maintenance commands only. */
export declare function withOwnerClient<T>(database: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
