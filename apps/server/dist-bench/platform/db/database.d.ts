import pg from 'pg';
import type { AppConfig } from '../config/index.js';
export type DatabaseKind = 'pglite' | 'postgres';
/**
 * The connection pool every part of the server shares. On PGlite the pool has one
 * connection (the embedded engine is single-session): code holding a transaction
 * must never wait on a second pool query, or it waits forever.
 */
export interface Database {
    kind: DatabaseKind;
    pool: pg.Pool;
    close(): Promise<void>;
}
export declare function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): Promise<Database>;
/** `memory://` keeps the database in memory (tests); any other path persists on disk. */
export declare function openPglite(location: string): Promise<Database>;
