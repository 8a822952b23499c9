// Entities benchmark: Maillage's real server against a bare Fastify + pg server returning the same
// rows, on a throwaway PostgreSQL database. See bench/README.md for what it measures and why.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThrowawayDatabase, seedDatabase } from './lib/database.mjs';
import { countPerRequest, startCountingProxy } from './lib/pg-counter.mjs';
import { load, pairedLoads } from './lib/load.mjs';
import { COMPARISON_HEADERS, comparisonRow, markdownTable } from './lib/report.mjs';
import { nationalAdminToken, productionEnv, startProcess, cpuProfileArgs, WEB_NODE_FLAGS } from './lib/servers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_SERVER_DIST ?? join(ROOT, 'apps/server/dist');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 1);
const VERBOSE = process.env.BENCH_VERBOSE === '1';
// A directory makes our server write a V8 CPU profile there when it stops (open it in Chrome DevTools).
const OURS_PORT = 3901;
const BARE_PORT = 3902;

/** The targets of the "Platform foundation" issue. */
export const TARGETS = { minThroughputRatioAt50: 0.7, maxP99MsAt10: 15 };

async function main() {
  if (!existsSync(join(DIST, 'main.js'))) {
    throw new Error(`No built server in ${DIST}: run \`npm run build\` first (or set BENCH_SERVER_DIST).`);
  }
  const password = randomBytes(12).toString('base64url');
  const database = await createThrowawayDatabase(ADMIN_URL);
  const stops = [];
  try {
    console.log(`database ${database.name}: migrating and seeding…`);
    const seed = await seedDatabase(DIST, database.url, password);
    console.log(`seeded ${seed.entities} entities`);

    const oursUrl = `http://127.0.0.1:${OURS_PORT}`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    const env = productionEnv({ databaseUrl: database.url, port: OURS_PORT, logLevel: LOG_LEVEL, poolSize: POOL_SIZE });
    const ours = await startProcess('maillage', [...WEB_NODE_FLAGS, ...cpuProfileArgs(), join(DIST, 'main.js'), '--role=web'], env, `${oursUrl}/livez`, { verbose: VERBOSE });
    stops.push(ours.stop);
    const bare = await startProcess('bare', [join(ROOT, 'bench/bare-server.mjs')], { DATABASE_URL: database.url, PORT: String(BARE_PORT), POOL_SIZE: String(POOL_SIZE) }, `${bareUrl}/api/v1/entities`);
    stops.push(bare.stop);

    const token = await nationalAdminToken(oursUrl, { email: 'admin@maillage.test', password, permissions: ['entities.read'] });
    const headers = { authorization: `Bearer ${token}` };
    const scenarios = [
      { name: `GET /api/v1/entities/{id}`, path: `/api/v1/entities/${seed.entityId}` },
      { name: 'GET /api/v1/entities?limit=50', path: '/api/v1/entities?limit=50' },
    ];
    for (const scenario of scenarios) await checkSameRows(scenario, oursUrl, bareUrl, headers);

    const profile = await profileRoundTrips(database.url, env, scenarios, headers);

    const rows = [];
    const results = [];
    for (const scenario of scenarios) {
      for (const [server, base, h] of [['ours', oursUrl, headers], ['bare', bareUrl, {}]]) {
        await load({ url: base + scenario.path, headers: h, connections: 10, durationSeconds: WARMUP });
      }
      for (const connections of [50, 10]) {
        const oursTarget = { pid: ours.pid, url: oursUrl + scenario.path, headers };
        const paired = await pairedLoads(oursTarget, { pid: bare.pid, url: bareUrl + scenario.path }, { connections, durationSeconds: DURATION, pairs: PAIRS });
        const { ours: oursResult, bare: bareResult, ratio, pairs } = paired;
        const verdict =
          connections === 50
            ? { target: `≥ ${TARGETS.minThroughputRatioAt50 * 100} % of bare req/s`, pass: ratio >= TARGETS.minThroughputRatioAt50 }
            : { target: `p99 < ${TARGETS.maxP99MsAt10} ms`, pass: oursResult.p99 < TARGETS.maxP99MsAt10 };
        results.push({ scenario: scenario.name, connections, ours: oursResult, bare: bareResult, ratio, pairs, ...verdict });
        rows.push(comparisonRow(scenario.name, connections, oursResult, bareResult, ratio, verdict));
      }
    }

    // The load average tells whether other work shared the CPUs with the run (it skews both servers).
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
    const commit = gitCommit();
    console.log(`\n${new Date().toISOString()} · ${machine} · commit ${commit} · ${DURATION} s per run · ${PAIRS} pair(s) per line, the median shown · pool ${POOL_SIZE} · log level ${LOG_LEVEL}\n`);
    console.log(markdownTable(COMPARISON_HEADERS, rows));
    console.log('\nDatabase messages per request (counted by a proxy, sequential requests):');
    console.log(
      markdownTable(
        ['Route', 'Server', 'round trips', 'simple queries', 'extended queries', 'Parse messages'],
        profile.map((p) => [p.scenario, p.server, p.roundTrips.toFixed(2), p.simpleQueries.toFixed(2), p.extendedQueries.toFixed(2), p.parses.toFixed(2)]),
      ),
    );

    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `entities-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, commit, durationSeconds: DURATION, pairs: PAIRS, poolSize: POOL_SIZE, logLevel: LOG_LEVEL, targets: TARGETS, results, profile }, null, 2));
    console.log(`\nraw results: ${file}`);
    process.exitCode = results.every((r) => r.pass) ? 0 : 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await database.drop();
  }
}

/**
 * Counts the database round trips of one request: a second instance of each server talks to
 * PostgreSQL through a counting proxy (kept out of the timed runs, where it would add a hop).
 */
async function profileRoundTrips(databaseUrl, env, scenarios, headers) {
  const proxy = await startCountingProxy(databaseUrl);
  const profile = [];
  try {
    const oursUrl = `http://127.0.0.1:${OURS_PORT + 10}`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT + 10}`;
    const ours = await startProcess('maillage (profiled)', [...WEB_NODE_FLAGS, join(DIST, 'main.js'), '--role=web'], { ...env, DATABASE_URL: proxy.url, PORT: String(OURS_PORT + 10) }, `${oursUrl}/livez`);
    const bare = await startProcess('bare (profiled)', [join(ROOT, 'bench/bare-server.mjs')], { DATABASE_URL: proxy.url, PORT: String(BARE_PORT + 10) }, `${bareUrl}/api/v1/entities`);
    try {
      for (const scenario of scenarios) {
        for (const [server, base, h] of [['ours', oursUrl, headers], ['bare', bareUrl, {}]]) {
          const send = () => fetch(base + scenario.path, { headers: h }).then((response) => response.arrayBuffer());
          for (let i = 0; i < 20; i += 1) await send(); // pool filled, statements prepared, caches warm
          profile.push({ scenario: scenario.name, server, ...(await countPerRequest(proxy, send)) });
        }
      }
    } finally {
      await ours.stop();
      await bare.stop();
    }
  } finally {
    await proxy.close();
  }
  return profile;
}

/** Both servers must answer the same rows, or the comparison means nothing. */
async function checkSameRows(scenario, oursUrl, bareUrl, headers) {
  const [oursResponse, bareResponse] = await Promise.all([fetch(oursUrl + scenario.path, { headers }), fetch(bareUrl + scenario.path)]);
  if (oursResponse.status !== 200 || bareResponse.status !== 200) {
    throw new Error(`${scenario.name}: ours answered ${oursResponse.status} (${await oursResponse.text()}), bare ${bareResponse.status}`);
  }
  const [oursBody, bareBody] = [await oursResponse.text(), await bareResponse.text()];
  const strip = (body) => JSON.stringify({ ...JSON.parse(body), nextCursor: undefined });
  if (strip(oursBody) !== strip(bareBody)) throw new Error(`${scenario.name}: the two servers answer different rows`);
  console.log(`${scenario.name}: same rows (ours ${oursBody.length} B, bare ${bareBody.length} B)`);
}

function gitCommit() {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    const dirty = execSync('git status --porcelain', { cwd: ROOT }).toString().trim() !== '';
    return dirty ? `${commit} (+ uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

await main();
