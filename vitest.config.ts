import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One migrated database per run, copied by each test file's database (test/migrated-snapshot.ts).
    globalSetup: ['apps/server/src/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'apps/backoffice/src/**/*.spec.ts'],
          // Test files share their worker's loaded modules: importing the server afresh for each of
          // some 200 files cost CI a quarter of its time. Each file still gets its own database and
          // app, and must leave process-wide state as it found it (ADR 0024).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser-journeys',
          include: ['apps/backoffice/e2e/**/*.e2e.test.ts'],
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['apps/server/src/**/*.ts'],
      exclude: ['apps/server/src/**/*.test.ts', 'apps/server/src/test/**', 'apps/server/src/cli/**', 'apps/server/src/main.ts'],
      thresholds: { lines: 80 },
    },
  },
});
