import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from every `*.tables.ts`; run through `npm run db:generate -- --name=<change>`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/server/src/**/*.tables.ts',
  out: './migrations',
});
