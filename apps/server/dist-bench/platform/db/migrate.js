import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { withOwnerClient } from './transaction.js';
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../../../migrations', import.meta.url));
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 7_242_001;
/**
 * Applies pending migrations under an advisory lock, so that several processes starting together
 * on one PostgreSQL migrate once. Runs as the owner: migrations create the application role's grants.
 */
export async function runMigrations(database) {
    await withOwnerClient(database, async (client) => {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        try {
            await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: 'drizzle' });
        }
        finally {
            await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
        }
    });
}
/** True when every migration in the folder is recorded as applied (readiness). */
export async function migrationsUpToDate(database) {
    const { readMigrationFiles } = await import('drizzle-orm/migrator');
    const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return rows[0].n >= expected;
}
//# sourceMappingURL=migrate.js.map