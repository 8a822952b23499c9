import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../../server/src/app.js';
import { loadConfig } from '../../../server/src/platform/config/index.js';
import type { Database } from '../../../server/src/platform/db/index.js';
import { createTestDatabase, type TestDatabase } from '../../../server/src/test/test-database.js';
import { seedNetwork } from '../../../server/src/modules/entities/index.js';
import { seedDemoAccounts } from '../../../server/src/modules/identity/index.js';

export const DEMO_PASSWORD = 'Demo-back-office-2026!';

export interface RunningServer {
  app: App;
  database: Database;
  baseUrl: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Data a test file needs before the app boots (after the network and the demo accounts). */
  prepare?(database: Database): Promise<void>;
}

/**
 * The real server (same buildApp as production) on a throwaway database (in-memory PGlite, or a
 * fresh PostgreSQL database when DATABASE_URL is set), seeded with the network and the demo
 * accounts, listening on a free port and serving the built back-office.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const testDatabase: TestDatabase = await createTestDatabase({ migrated: true });
  // Its own data folder: journeys upload media, which must not outlive the run.
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' }, []);
  // Seed before the app starts: its in-memory entity tree is loaded once, at boot.
  await seedNetwork(testDatabase.database);
  await seedDemoAccounts({ database: testDatabase.database, config }, { password: DEMO_PASSWORD });
  await options.prepare?.(testDatabase.database);
  const app = await buildApp(config, { database: testDatabase.database });
  await app.ready();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    database: testDatabase.database,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await testDatabase.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
