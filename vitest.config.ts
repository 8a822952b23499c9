import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/server/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'apps/backoffice/e2e/**/*.e2e.test.ts', 'apps/backoffice/src/**/*.spec.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    coverage: {
      provider: 'v8',
      include: ['apps/server/src/**/*.ts'],
      exclude: ['apps/server/src/**/*.test.ts', 'apps/server/src/test/**', 'apps/server/src/cli/**', 'apps/server/src/main.ts'],
      thresholds: { lines: 80 },
    },
  },
});
