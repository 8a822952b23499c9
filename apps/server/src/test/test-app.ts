import { buildApp, type App } from '../app.js';
import { loadConfig } from '../platform/config/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Registers test-only routes (and their throwaway tables) after the app is built, before `ready()`. */
  registerRoutes?: (app: App, testDatabase: TestDatabase) => void | Promise<void>;
}

/** The exact production app on a throwaway database; call close() in afterAll. */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase({ migrated: true });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/maillage-test-unused', ...env }, []);
  const app = await buildApp(config, { database: testDatabase.database });
  await options.registerRoutes?.(app, testDatabase);
  await app.ready();
  return {
    app,
    testDatabase,
    close: async () => {
      await app.close();
      await testDatabase.drop();
    },
  };
}
