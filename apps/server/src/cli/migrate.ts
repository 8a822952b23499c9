import { loadConfig } from '../platform/config/index.js';
import { openDatabase, runMigrations, type Database } from '../platform/db/index.js';
import { runCli } from './run-cli.js';

/**
 * `npm run db:migrate`: applies pending migrations and exits. The server also migrates at boot;
 * this command lets a deployment migrate once, before rolling out new processes. With embedded
 * PGlite, stop the server first: the data directory takes one process at a time.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const before = await appliedCount(database.pool);
    await runMigrations(database);
    const after = await appliedCount(database.pool);
    console.log(`Migrations: ${after - before} applied now, ${after} in total.`);
  } finally {
    await database.close();
  }
}

async function appliedCount(pool: Database['pool']): Promise<number> {
  // A fresh database has no journal table yet (and a query naming it would not even plan).
  const { rows: journal } = await pool.query<{ exists: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS exists`);
  if (!journal[0]?.exists) return 0;
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return rows[0]?.n ?? 0;
}

runCli(main);
