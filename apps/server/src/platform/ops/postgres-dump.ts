import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { APP_ROLE } from '../db/index.js';
import { OpsError } from './ops-error.js';
import { quoteIdentifier, type Queryable } from './table-stats.js';

const run = promisify(execFile);

/**
 * pg_dump refuses (or silently misreads) a server newer than itself: check the major versions first
 * so the operator learns which client to install rather than reading a pg_dump error.
 */
export async function assertDumpToolFits(db: Queryable, tool: 'pg_dump' | 'pg_restore'): Promise<void> {
  let output: string;
  try {
    output = (await run(tool, ['--version'])).stdout;
  } catch {
    throw new OpsError(`${tool} est introuvable : installez le client PostgreSQL (paquet Debian postgresql-client) de la même version majeure que le serveur ou plus récent.`);
  }
  const toolMajor = Number(/(\d+)(?:\.\d+)?/.exec(output)?.[1]);
  const { rows } = await db.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
  const serverMajor = Math.floor(Number(rows[0]!.version) / 10_000);
  if (!(toolMajor >= serverMajor)) {
    throw new OpsError(`${tool} ${toolMajor} ne sait pas traiter un serveur PostgreSQL ${serverMajor} : installez un client ${serverMajor} ou plus récent.`);
  }
}

/**
 * Dumps the database as it was when `snapshot` (from pg_export_snapshot, held open by the caller)
 * was taken, so that the row counts of the manifest describe exactly the dumped rows.
 */
export async function dumpPostgres(url: string, snapshot: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--compress=6', `--snapshot=${snapshot}`, `--file=${file}`, `--dbname=${url}`], { maxBuffer: 16 * 1024 * 1024 });
}

export async function restorePostgres(url: string, file: string): Promise<void> {
  await run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`, file], { maxBuffer: 16 * 1024 * 1024 });
}

/** Schemas created by the application or its extensions (public included). */
export async function userSchemas(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT nspname AS name FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'`,
  );
  return rows.map((row) => row.name);
}

/** Empties the target database (restore --force): every application schema goes, public comes back blank. */
export async function wipeDatabase(client: pg.Client): Promise<void> {
  for (const schema of await userSchemas(client)) await client.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
  await client.query('CREATE SCHEMA IF NOT EXISTS public');
}

/** The application role is cluster-wide, so never in a dump: a new cluster needs it before the grants are restored. */
export async function ensureApplicationRole(client: pg.Client): Promise<void> {
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END $$`);
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
