import { ConfigError, loadConfig } from '../platform/config/index.js';
import { openDatabase, runMigrations } from '../platform/db/index.js';
/**
 * `npm run db:migrate`: applies pending migrations and exits. The server also migrates at boot;
 * this command lets a deployment migrate once, before rolling out new processes. With embedded
 * PGlite, stop the server first: the data directory takes one process at a time.
 */
async function main() {
    const config = loadConfig();
    const database = await openDatabase(config);
    try {
        const before = await appliedCount(database.pool);
        await runMigrations(database);
        const after = await appliedCount(database.pool);
        console.log(`Migrations: ${after - before} applied now, ${after} in total.`);
    }
    finally {
        await database.close();
    }
}
async function appliedCount(pool) {
    const { rows } = await pool.query(`SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN 0
            ELSE (SELECT count(*)::int FROM drizzle.__drizzle_migrations) END AS n`);
    return rows[0]?.n ?? 0;
}
main().then(() => process.exit(0), (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
});
//# sourceMappingURL=migrate.js.map