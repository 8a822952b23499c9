import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PoolClient } from 'pg';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.js';
import { APP_ROLE, withOwnerClient } from './transaction.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../../../migrations', import.meta.url));

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_ID = 7_242_001;

/**
 * Applies pending migrations under an advisory lock, so that several processes starting together
 * on one PostgreSQL migrate once. Runs as the owner: migrations create the application role's grants.
 */
export async function runMigrations(database: Database): Promise<void> {
  await withOwnerClient(database, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await ensureApplicationRole(client);
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: 'drizzle' });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  });
}

/**
 * Roles belong to the cluster, not the database, and advisory locks are per database: two databases
 * of one fresh cluster migrating together (parallel test files) race on the first migration's
 * CREATE ROLE. Creating it here first, tolerating the loser's error, makes that migration a no-op.
 */
async function ensureApplicationRole(client: PoolClient): Promise<void> {
  await client.query(`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`);
}

/** True when every migration in the folder is recorded as applied (readiness). */
export async function migrationsUpToDate(database: Database): Promise<boolean> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return rows[0]!.n >= expected;
}
