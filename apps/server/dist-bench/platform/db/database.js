import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
// Parse int8 and numeric as JS numbers/strings predictably: counts come back as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
export async function openDatabase(config) {
    if (config.databaseUrl)
        return openPostgres(config.databaseUrl, config.databasePoolSize);
    return openPglite(join(config.dataDir, 'pglite'));
}
async function openPostgres(connectionString, max) {
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
    pool.on('error', () => {
        // An idle client lost its connection (server restart): the pool replaces it on next use.
    });
    return { kind: 'postgres', pool, close: () => pool.end() };
}
/** `memory://` keeps the database in memory (tests); any other path persists on disk. */
export async function openPglite(location) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    if (!location.startsWith('memory://'))
        mkdirSync(location, { recursive: true });
    const pglite = await PGlite.create(location, { extensions: { unaccent, pg_trgm } });
    const pgConfig = createPgConfig(pglite);
    ignoreCustomTypeParsersInParse(pgConfig.connection);
    const pool = new pg.Pool(pgConfig);
    return {
        kind: 'pglite',
        pool,
        close: async () => {
            await pool.end();
            await pglite.close();
        },
    };
}
/**
 * node-postgres lets a query carry `types` as a custom type-parser object (Drizzle does this) and
 * sends no parameter types for it; PGlite's adapter expects an array and throws, leaving the
 * connection stuck. Keep only a real array of parameter type OIDs.
 */
function ignoreCustomTypeParsersInParse(connection) {
    const parse = connection.parse.bind(connection);
    connection.parse = (query) => parse({ ...query, types: Array.isArray(query.types) ? query.types : [] });
}
//# sourceMappingURL=database.js.map