// One lint tool for the monorepo. The import rules keep the modular monolith honest:
// a module is reached only through its index.ts, and the platform kernel never imports a module.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'apps/backoffice/**', 'data/**', 'migrations/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['apps/server/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['apps/server/src/modules/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+',
              message: "Import another module only through its index.ts (e.g. '../../entities/index.js').",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)modules/', message: 'The platform kernel must not depend on business modules.' }] },
      ],
    },
  },
  {
    files: ['apps/server/src/main.ts', 'apps/server/src/cli/**/*.ts', '**/*.test.ts', 'apps/server/src/test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
