// Compares builds of our server on the read routes of the CRM bench, alternating them, on a database
// kept by `node bench/crm.mjs --keep` (see bench/README.md, "builds-ab.mjs").
//   node bench/builds-ab.mjs --database=<kept database> --password=<its demo password> <dist> <dist> …
import { join } from 'node:path';
import { deepPage, pickCrmTargets } from './lib/crm-targets.mjs';
import { existingDatabase, option } from './lib/database.mjs';
import { load, measuredLoad } from './lib/load.mjs';
import { int, markdownTable, ms } from './lib/report.mjs';
import { nationalAdminToken, productionEnv, startProcess, WEB_NODE_FLAGS } from './lib/servers.mjs';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,10').split(',').map(Number);
const DEEP_PAGE = Number(process.env.BENCH_CRM_DEEP_PAGE ?? 100);
const PORT = 3931;

async function main() {
  const database = option('database');
  const password = option('password');
  const dists = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  if (!database || !password || dists.length === 0) throw new Error('usage: node bench/builds-ab.mjs --database=<name> --password=<demo password> <dist> [<dist> …]');
  const { url } = existingDatabase(ADMIN_URL, database);
  const targets = await pickCrmTargets(url);
  const wanted = process.env.BENCH_SCENARIOS?.split(',');
  const rows = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const dist of dists) {
      for (const result of await measureBuild(dist, url, password, targets)) {
        if (wanted && !wanted.includes(result.scenario)) continue;
        rows.push([String(round), dist, result.scenario, String(result.connections), int(result.requestsPerSecond), `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.p99)}`, ms(result.cpuMsPerRequest), ms(result.databaseMsPerRequest)]);
      }
    }
  }
  console.log(`\n${new Date().toISOString()} · database ${database} · ${DURATION} s per run · builds alternated ${ROUNDS} times\n`);
  console.log(markdownTable(['Round', 'Build', 'Scenario', 'Conn.', 'req/s', 'p50 / p95 / p99 ms', 'CPU ms/req', 'PostgreSQL CPU ms/req'], rows));
}

/** Starts one build's web role, measures every scenario at each connection count, stops it. */
async function measureBuild(dist, databaseUrl, password, targets) {
  const base = `http://127.0.0.1:${PORT}`;
  const env = productionEnv({ databaseUrl, port: PORT, logLevel: 'info', poolSize: 10 });
  const server = await startProcess(dist, [...WEB_NODE_FLAGS, join(dist, 'main.js'), '--role=web'], env, `${base}/livez`);
  try {
    const permissions = ['crm.organizations.read', 'crm.persons.read', 'entities.read'];
    const headers = { authorization: `Bearer ${await nationalAdminToken(base, { email: 'admin@maillage.test', password, permissions })}` };
    const scenarios = {
      'company by id': `/api/v1/organizations/${targets.organizationId}`,
      [`Rhône page ${DEEP_PAGE}`]: (await deepPage(base, '/api/v1/organizations?filter[departementCode]=69&sort=name&limit=50', headers, DEEP_PAGE)).path,
      'contact by e-mail': `/api/v1/persons?filter[email]=${encodeURIComponent(targets.email)}`,
      'entity by id': `/api/v1/entities/${targets.rhoneEntityId}`,
      'entities list': '/api/v1/entities?limit=50',
    };
    const results = [];
    for (const [scenario, path] of Object.entries(scenarios)) {
      await load({ url: base + path, headers, connections: 10, durationSeconds: 2 });
      for (const connections of CONNECTIONS) {
        const result = await measuredLoad(server.pid, { url: base + path, headers, connections, durationSeconds: DURATION });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${scenario}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        results.push({ scenario, connections, ...result });
      }
    }
    return results;
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
