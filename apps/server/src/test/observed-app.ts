import { buildApp, type App } from '../app.js';
import { loadConfig } from '../platform/config/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface ObservedApp {
  app: App;
  /** Every JSON log line the app wrote, parsed, in order. */
  logLines: Array<Record<string, unknown>>;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/**
 * The production app with its log lines captured, and a chance to add probe routes before it is
 * ready (observability tests need routes with parameters and a principal that no module gives yet).
 */
export async function createObservedApp(env: Record<string, string> = {}, addRoutes: (app: App) => void = () => {}): Promise<ObservedApp> {
  const testDatabase: TestDatabase = await createTestDatabase({ migrated: true });
  const logLines: Array<Record<string, unknown>> = [];
  const logStream = { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) };
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/maillage-test-unused', LOG_LEVEL: 'debug', ...env }, []);
  const app = await buildApp(config, { database: testDatabase.database, logStream });
  addRoutes(app);
  await app.ready();
  return {
    app,
    logLines,
    testDatabase,
    close: async () => {
      await app.close();
      await testDatabase.drop();
    },
  };
}
