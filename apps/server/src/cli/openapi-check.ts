import { existsSync, readFileSync } from 'node:fs';
import { checkOpenApi } from '../platform/http/openapi-check.js';
import { generateOpenApiDocument, OPENAPI_FILE } from './openapi-export.js';

/** CI gate: fails when the routes' contract breaks clients of the committed openapi/v1.json. */
async function main(): Promise<void> {
  if (!existsSync(OPENAPI_FILE)) {
    console.error(`${OPENAPI_FILE} is missing: run npm run api:export and commit it.`);
    process.exit(1);
  }
  const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Record<string, unknown>;
  const result = checkOpenApi(committed, await generateOpenApiDocument());
  for (const line of result.report) console.log(line);
  process.exit(result.ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
