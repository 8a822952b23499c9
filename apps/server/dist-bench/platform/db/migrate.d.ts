import type { Database } from './database.js';
export declare const MIGRATIONS_FOLDER: string;
/**
 * Applies pending migrations under an advisory lock, so that several processes starting together
 * on one PostgreSQL migrate once. Runs as the owner: migrations create the application role's grants.
 */
export declare function runMigrations(database: Database): Promise<void>;
/** True when every migration in the folder is recorded as applied (readiness). */
export declare function migrationsUpToDate(database: Database): Promise<boolean>;
