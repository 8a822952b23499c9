import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, openPglite, type Database } from '../platform/db/index.js';

export interface TestDatabase {
  database: Database;
  /** Connection string of the throwaway database (PostgreSQL runs only). */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file: in-memory PGlite by default, or, when DATABASE_URL is set,
 * a uniquely named PostgreSQL database created next to it and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await openPglite('memory://');
    return { database, url: undefined, drop: () => database.close() };
  }
  const name = `maillage_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
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

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
