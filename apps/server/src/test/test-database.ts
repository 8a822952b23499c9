import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, openPglite, runMigrations, type Database } from '../platform/db/index.js';
import type { MigratedSnapshot } from './migrated-snapshot.js';
import { adminQuery, withDatabaseName } from './postgres-admin.js';

export interface TestDatabase {
  database: Database;
  /** Connection string of the throwaway database (PostgreSQL runs only). */
  url: string | undefined;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * Start with every migration applied, copied from the snapshot the test run's global setup made
   * once (test/migrated-snapshot.ts), instead of an empty database: migrating each file's database
   * afresh cost CI minutes.
   */
  migrated?: boolean;
}

/**
 * A fresh database for one test file: in-memory PGlite by default, or, when DATABASE_URL is set,
 * a uniquely named PostgreSQL database created next to it and dropped afterwards.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const snapshot = options.migrated ? inject('migratedSnapshot') : undefined;
  const adminUrl = process.env.DATABASE_URL;
  const testDatabase = adminUrl ? await createPostgresDatabase(adminUrl, snapshot) : await createPgliteDatabase(snapshot);
  // Without a snapshot (a run without the global setup), migrate in place: same result, slower.
  if (options.migrated && !snapshot) await runMigrations(testDatabase.database);
  return testDatabase;
}

// Test files share their worker (ADR 0024): read the snapshot's tarball once per worker, not per file.
const snapshotBlobs = new Map<string, Promise<Blob>>();

function snapshotBlob(file: string): Promise<Blob> {
  let blob = snapshotBlobs.get(file);
  if (!blob) snapshotBlobs.set(file, (blob = readFile(file).then((bytes) => new Blob([bytes]))));
  return blob;
}

async function createPgliteDatabase(snapshot: MigratedSnapshot | undefined): Promise<TestDatabase> {
  const loadDataDir = snapshot?.kind === 'pglite' ? await snapshotBlob(snapshot.file) : undefined;
  const database = await openPglite('memory://', { loadDataDir });
  return { database, url: undefined, drop: () => database.close() };
}

async function createPostgresDatabase(adminUrl: string, snapshot: MigratedSnapshot | undefined): Promise<TestDatabase> {
  const name = `maillage_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const template = snapshot?.kind === 'postgres' ? ` TEMPLATE ${snapshot.template}` : '';
  await adminQuery(adminUrl, `CREATE DATABASE ${name}${template}`);
  const url = withDatabaseName(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', databasePoolSize: 5 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
