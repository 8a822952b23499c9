import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../config/index.js';
import { installPlainQueryConfigCopy } from './query-config-copy.js';
import { installLeanResultDescriptions } from './result-descriptions.js';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The connection pool every part of the server shares. On PGlite the pool has one
 * connection (the embedded engine is single-session): code holding a transaction
 * must never wait on a second pool query, or it waits forever.
 */
export interface Database {
  kind: DatabaseKind;
  /** Connections as the login role, the schema's owner: migrations, seeds, the job bus, maintenance. */
  pool: pg.Pool;
  /**
   * Connections application transactions run on (`withTransaction`). On PostgreSQL their sessions
   * are in the application role and read-only from the start (ADR 0034, ADR 0036), and hold the
   * scope of their last read; on PGlite (one session) it is `pool`, and every transaction switches
   * role and sets its scope itself.
   */
  appPool: pg.Pool;
  close(): Promise<void>;
}

/** The role application queries run as, so that row-level security applies (the owner bypasses it). */
export const APP_ROLE = 'maillage_app';

// Parse int8 and numeric as JS numbers/strings predictably: counts come back as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
installLeanResultDescriptions();
installPlainQueryConfigCopy();

export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolSize);
  return openPglite(join(config.dataDir, 'pglite'));
}

/**
 * No JIT compilation: our statements are short, and the tenant policies' cost estimate (ADR 0032)
 * pushes scans of a few hundred thousand rows over `jit_above_cost`, where compiling took ~200 ms
 * for a 300 ms count. An `options` parameter in DATABASE_URL takes precedence.
 */
const SESSION_OPTIONS = '-c jit=off';

async function openPostgres(connectionString: string, max: number): Promise<Database> {
  const config: pg.PoolConfig = { connectionString, max, options: SESSION_OPTIONS, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 };
  const pool = new pg.Pool(config);
  // Once per connection, not startup options: an `options` in DATABASE_URL would replace ours.
  // Read-only by default: reads run as implicit transactions, writes open with BEGIN READ WRITE (ADR 0036).
  const appPool = new pg.Pool({ ...config, onConnect: (client) => client.query(`SET ROLE ${APP_ROLE}; SET default_transaction_read_only = on`) });
  for (const each of [pool, appPool]) {
    each.on('error', () => {
      // An idle client lost its connection (server restart): the pool replaces it on next use.
    });
  }
  return { kind: 'postgres', pool, appPool, close: async () => void (await Promise.all([pool.end(), appPool.end()])) };
}

export interface PgliteOptions {
  /** A data directory tarball from `dumpPglite` to start from instead of an empty cluster (tests). */
  loadDataDir?: Blob;
}

/** An embedded database whose whole data directory can be captured, for test snapshots. */
export interface PgliteDatabase extends Database {
  dumpDataDir(): Promise<Blob>;
}

/** `memory://` keeps the database in memory (tests); any other path persists on disk. */
export async function openPglite(location: string, options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  if (!location.startsWith('memory://')) mkdirSync(location, { recursive: true });
  const pglite = await PGlite.create(location, { extensions: { unaccent, pg_trgm }, loadDataDir: options.loadDataDir });
  const pgConfig = createPgConfig(pglite);
  ignoreCustomTypeParsersInParse(pgConfig.connection as unknown as ParseCapable);
  const pool = new pg.Pool(pgConfig as unknown as pg.PoolConfig);
  return {
    kind: 'pglite',
    pool,
    appPool: pool,
    close: async () => {
      await pool.end();
      await pglite.close();
    },
    dumpDataDir: () => pglite.dumpDataDir('none'),
  };
}

interface ParseCapable {
  parse(query: { text: string; name?: string; types?: unknown }): void;
}

/**
 * node-postgres lets a query carry `types` as a custom type-parser object (Drizzle does this) and
 * sends no parameter types for it; PGlite's adapter expects an array and throws, leaving the
 * connection stuck. Keep only a real array of parameter type OIDs.
 */
function ignoreCustomTypeParsersInParse(connection: ParseCapable): void {
  const parse = connection.parse.bind(connection);
  connection.parse = (query) => parse({ ...query, types: Array.isArray(query.types) ? query.types : [] });
}
