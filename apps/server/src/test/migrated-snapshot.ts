import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, openPglite, runMigrations } from '../platform/db/index.js';
import { adminQuery, withDatabaseName } from './postgres-admin.js';

/** Where test databases copy a fully migrated schema from: a PGlite data directory or a template. */
export type MigratedSnapshot = { kind: 'pglite'; file: string } | { kind: 'postgres'; template: string };

// What the global setup hands to the test files (`inject('migratedSnapshot')`).
declare module 'vitest' {
  export interface ProvidedContext {
    migratedSnapshot: MigratedSnapshot;
  }
}

export interface PreparedSnapshot {
  snapshot: MigratedSnapshot;
  dispose(): Promise<void>;
}

/**
 * Migrates one database and keeps it as the starting point of every test database of the run:
 * a PGlite data-directory tarball in the temporary folder, or, with DATABASE_URL, a PostgreSQL
 * database used as CREATE DATABASE's template.
 */
export async function prepareMigratedSnapshot(adminUrl = process.env.DATABASE_URL): Promise<PreparedSnapshot> {
  const suffix = `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (adminUrl) return prepareTemplateDatabase(adminUrl, `maillage_template_${suffix}`);
  const database = await openPglite('memory://');
  try {
    await runMigrations(database);
    const file = join(tmpdir(), `maillage-migrated-${suffix}.tar`);
    await writeFile(file, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
    return { snapshot: { kind: 'pglite', file }, dispose: () => rm(file, { force: true }) };
  } finally {
    await database.close();
  }
}

async function prepareTemplateDatabase(adminUrl: string, template: string): Promise<PreparedSnapshot> {
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  // Closed before any copy: PostgreSQL refuses a template that has open sessions.
  const database = await openDatabase({ databaseUrl: withDatabaseName(adminUrl, template), dataDir: '', databasePoolSize: 1 });
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
  return {
    snapshot: { kind: 'postgres', template },
    dispose: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`),
  };
}
