// `npm run api:client:check`: fails when the committed back-office API types
// (apps/backoffice/src/app/core/api/schema.d.ts) differ from what openapi/v1.json generates today.
// Fix with `npm run api:client` and commit the result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = 'openapi/v1.json';
const COMMITTED = 'apps/backoffice/src/app/core/api/schema.d.ts';

const dir = mkdtempSync(join(tmpdir(), 'maillage-api-client-'));
try {
  const generated = join(dir, 'schema.d.ts');
  execFileSync('npx', ['--no-install', 'openapi-typescript', SOURCE, '--output', generated], { stdio: ['ignore', 'ignore', 'inherit'] });
  const expected = readFileSync(generated, 'utf8');
  let actual = '';
  try {
    actual = readFileSync(COMMITTED, 'utf8');
  } catch {
    // Missing file: reported as drift below.
  }
  if (actual !== expected) {
    console.error(`${COMMITTED} is out of date with ${SOURCE}. Run \`npm run api:client\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${COMMITTED} matches ${SOURCE}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
