// Compares builds of our server by their CPU per request, loaded at the same time and at the same
// fixed rate, so that the host's drift (often ±20 % between two runs of 15 s) hits them alike.
//   node bench/builds-side-by-side.mjs <dist>[:<log level>] [<dist>[:<log level>] …]
// See bench/README.md, "builds-side-by-side.mjs".
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { resolve } from 'node:path';
import { createThrowawayDatabase, seedDatabase } from './lib/database.mjs';
import { deepPage, seedCrm } from './lib/crm-targets.mjs';
import { measuredLoad } from './lib/load.mjs';
import { markdownTable } from './lib/report.mjs';
import { nationalAdminToken, productionEnv, startProcess, WEB_NODE_FLAGS } from './lib/servers.mjs';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const FIRST_PORT = 3961;

async function main() {
  const builds = process.argv.slice(2).map((arg) => {
    const [dist, logLevel = 'info', nodeFlags = ''] = arg.split(':');
    return { label: arg, dist: resolve(dist), logLevel, nodeFlags: nodeFlags.split(',').filter(Boolean) };
  });
  if (builds.length < 2) throw new Error('usage: node bench/builds-side-by-side.mjs <dist>[:<log level>] <dist>[:<log level>] …');
  const password = randomBytes(12).toString('base64url');
  const database = await createThrowawayDatabase(ADMIN_URL);
  const stops = [];
  try {
    const seed = await seedDatabase(builds[0].dist, database.url, password);
    const scenario = process.env.BENCH_SCENARIO ?? 'entity by id';
    if (CRM_SCENARIOS.has(scenario)) await seedCrm(builds[0].dist, database.url, 'small');
    const servers = [];
    for (const [index, build] of builds.entries()) {
      const port = FIRST_PORT + index;
      const env = productionEnv({ databaseUrl: database.url, port, logLevel: build.logLevel, poolSize: 10 });
      const server = await startProcess(build.label, [...WEB_NODE_FLAGS, ...build.nodeFlags, `${build.dist}/main.js`, '--role=web'], env, `http://127.0.0.1:${port}/livez`);
      stops.push(server.stop);
      servers.push({ ...build, pid: server.pid, port });
    }
    const base = `http://127.0.0.1:${FIRST_PORT}`;
    const token = await nationalAdminToken(base, { email: 'admin@maillage.test', password, permissions: ['entities.read', 'crm.organizations.read', 'crm.persons.read'] });
    const headers = { authorization: `Bearer ${token}` };
    const path = await scenarioPath(scenario, seed, base, headers, database.url);
    for (const server of servers) server.url = `http://127.0.0.1:${server.port}${path}`;
    await loadTogether(servers, headers, 5);
    const rounds = [];
    for (let round = 0; round < ROUNDS; round += 1) rounds.push(await loadTogether(servers, headers, DURATION));
    printReport(servers, rounds, path);
  } finally {
    for (const stop of stops.reverse()) await stop();
    await database.drop();
  }
}

const CRM_SCENARIOS = new Set(['companies page', 'company by id', 'contact by e-mail']);

/**
 * The URL path of a scenario. The CRM ones read a `small` CRM demo (~2,000 companies, seeded by the
 * first build's code): `companies page`, page 10 of every company by name, 50 a page, with their
 * links; `company by id` and `contact by e-mail`, the tenant reads of the CRM bench.
 */
async function scenarioPath(scenario, seed, base, headers, url) {
  if (scenario === 'entity by id') return `/api/v1/entities/${seed.entityId}`;
  if (scenario === 'entities list') return '/api/v1/entities?limit=50';
  if (scenario === 'companies page') return (await deepPage(base, '/api/v1/organizations?sort=name&limit=50', headers, 10)).path;
  if (scenario === 'company by id') return `/api/v1/organizations/${(await firstRow(url, 'SELECT id FROM organizations ORDER BY siren OFFSET 500 LIMIT 1')).id}`;
  if (scenario === 'contact by e-mail') {
    const { email } = await firstRow(url, 'SELECT email FROM person_emails ORDER BY id OFFSET 500 LIMIT 1');
    return `/api/v1/persons?filter[email]=${encodeURIComponent(email)}`;
  }
  throw new Error(`unknown BENCH_SCENARIO ${scenario}: entity by id, entities list, ${[...CRM_SCENARIOS].join(', ')}`);
}

async function firstRow(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0];
  } finally {
    await client.end();
  }
}

/** Every server under its own load at RATE req/s, all at once; CPU ms per answered request of each. */
function loadTogether(servers, headers, seconds) {
  return Promise.all(
    servers.map(async (server) => {
      const result = await measuredLoad(server.pid, { url: server.url, headers, connections: CONNECTIONS, durationSeconds: seconds, overallRate: RATE });
      if (result.non2xx > 0 || result.errors > 0 || result.ok === 0) {
        throw new Error(`${server.label}: ${result.ok} answers in 2xx, ${result.non2xx} others, ${result.errors} errors or timeouts`);
      }
      return result;
    }),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function printReport(servers, rounds, path) {
  const summaries = servers.map((server, index) => {
    const ratios = rounds.map((round) => round[index].cpuMsPerRequest / round[0].cpuMsPerRequest);
    const requestsPerSecond = median(rounds.map((round) => round[index].requestsPerSecond));
    return { server, ratios, requestsPerSecond, cpuMsPerRequest: median(rounds.map((round) => round[index].cpuMsPerRequest)) };
  });
  const rows = summaries.map(({ server, ratios, requestsPerSecond, cpuMsPerRequest }) => [
    server.label,
    requestsPerSecond.toFixed(0),
    cpuMsPerRequest.toFixed(3),
    median(ratios).toFixed(3),
    ratios.map((ratio) => ratio.toFixed(3)).join(' '),
  ]);
  console.log(`\n${new Date().toISOString()} · GET ${path} · ${RATE} req/s per build at ${CONNECTIONS} connections, all at once · ${ROUNDS} rounds of ${DURATION} s\n`);
  console.log(markdownTable(['Build', 'req/s', 'CPU ms/req (median)', 'CPU vs first (median)', 'each round vs first'], rows));
  if (summaries.some((summary) => summary.requestsPerSecond < 0.95 * RATE)) {
    console.log(`\nThe host did not keep up with ${RATE} req/s per build: these figures measure contention; lower BENCH_RATE.`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
