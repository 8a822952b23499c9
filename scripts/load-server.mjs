// Shared by `npm run slo` and `npm run soak`: a built server on a throwaway PostgreSQL database,
// seeded with the CRM demo data by the same build's seed command.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createThrowawayDatabase } from '../bench/lib/database.mjs';
import { productionEnv, startProcess } from '../bench/lib/servers.mjs';
import { sampleRows, signIn } from './slo-workload.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = process.env.SLO_SERVER_DIST ?? join(ROOT, 'apps/server/dist');

/**
 * Starts the server (`--role=all`, production settings) on a new database seeded at `scale`, signs
 * in as the national administrator and samples ids for the workload. `stop()` ends the server and
 * drops the database, also after a failure.
 */
export async function startLoadServer({ adminUrl, scale, port }) {
  if (!existsSync(join(DIST, 'main.js'))) throw new Error(`No built server in ${DIST}: run \`npm run build\` first (or set SLO_SERVER_DIST).`);
  const password = randomBytes(12).toString('base64url');
  const database = await createThrowawayDatabase(adminUrl);
  let server;
  const stop = async () => {
    await server?.stop();
    await database.drop();
  };
  try {
    // One signed-in user drives the whole load: lift the assistant's per-user rate limit for it.
    const env = { ...productionEnv({ databaseUrl: database.url, port, logLevel: 'warn', poolSize: 10 }), AI_RATE_LIMIT_PER_MINUTE: '10000' };
    seed(env, password, scale);
    const baseUrl = `http://127.0.0.1:${port}`;
    server = await startProcess('maillage', [join(DIST, 'main.js'), '--role=all'], env, `${baseUrl}/livez`, { verbose: process.env.SLO_VERBOSE === '1' });
    await waitReady(baseUrl);
    const headers = await signIn(baseUrl, 'admin@maillage.test', password);
    return { baseUrl, headers, rows: await sampleRows(baseUrl, headers), pid: server.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The seed command of the same build, in development mode: production would skip the demo data. */
function seed(env, password, scale) {
  console.log(`seeding (scale ${scale})…`);
  const run = spawnSync(process.execPath, [join(DIST, 'cli/seed.js'), `--scale=${scale}`], {
    env: { ...process.env, ...env, NODE_ENV: 'development', LOG_LEVEL: 'warn', MAILLAGE_DEMO_PASSWORD: password },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0) throw new Error(`seed failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}

async function waitReady(baseUrl) {
  for (let i = 0; i < 150; i += 1) {
    if ((await fetch(`${baseUrl}/readyz`)).status === 200) return;
    await sleep(200);
  }
  throw new Error('the server never became ready (/readyz)');
}

export async function scrapeMetrics(baseUrl, parse) {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status}`);
  return parse(await response.text());
}

export function exitWith(promise) {
  promise.then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
