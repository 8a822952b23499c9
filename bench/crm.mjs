// CRM benchmark at national scale (issue 4, "Performance"): Maillage's real server against a bare
// Fastify + pg floor (crm-bare-server.mjs) on a throwaway PostgreSQL database holding the `full`
// demo data set. See bench/README.md.
//   node bench/crm.mjs [--keep] [--database=<existing database name> --password=<its demo password>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildImportCsv, measureImport } from './lib/crm-import.mjs';
import { deepPage, pickCrmTargets, peakRss, seedCrm } from './lib/crm-targets.mjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createThrowawayDatabase, existingDatabase, option, seedDatabase } from './lib/database.mjs';
import { load, pairedLoads } from './lib/load.mjs';
import { COMPARISON_HEADERS, comparisonRow, int, markdownTable, ms } from './lib/report.mjs';
import { cpuProfileArgs, nationalAdminToken, productionEnv, startProcess, WEB_NODE_FLAGS, WORKER_NODE_FLAGS } from './lib/servers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_SERVER_DIST ?? join(ROOT, 'apps/server/dist');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = process.env.BENCH_CRM_SCALE ?? 'full';
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 1);
const DEEP_PAGE = Number(process.env.BENCH_CRM_DEEP_PAGE ?? 100);
const KEEP = process.argv.includes('--keep');
const REUSED = option('database');
const OURS_PORT = 3921;
const BARE_PORT = 3922;

/** The targets of issue 4. */
export const TARGETS = { minThroughputRatioAt50: 0.7, maxP99MsAt10: 15, maxSearchP95Ms: 50, maxExportSeconds: 20, maxImportSeconds: 60, maxImportRssMb: 400 };

async function main() {
  const password = option('password') ?? randomBytes(12).toString('base64url');
  const database = REUSED ? existingDatabase(ADMIN_URL, REUSED) : await createThrowawayDatabase(ADMIN_URL);
  const stops = [];
  try {
    console.log(`database ${database.name}: migrating and seeding the network and demo accounts…`);
    await seedDatabase(DIST, database.url, password);
    console.log(`seeding the CRM demo data (${SCALE})…`);
    const crmSeed = await seedCrm(DIST, database.url, SCALE);
    console.log(crmSeed.alreadyPresent ? 'CRM demo data already present' : `CRM demo data seeded in ${crmSeed.seconds.toFixed(0)} s: ${JSON.stringify(crmSeed.created)}`);
    const targets = await pickCrmTargets(database.url);

    const oursUrl = `http://127.0.0.1:${OURS_PORT}`;
    const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
    const env = productionEnv({ databaseUrl: database.url, port: OURS_PORT, logLevel: LOG_LEVEL, poolSize: POOL_SIZE });
    const ours = await startProcess('maillage', [...WEB_NODE_FLAGS, ...cpuProfileArgs(), join(DIST, 'main.js'), '--role=web'], env, `${oursUrl}/livez`);
    stops.push(ours.stop);
    const bare = await startProcess('bare', [join(ROOT, 'bench/crm-bare-server.mjs')], { DATABASE_URL: database.url, PORT: String(BARE_PORT), POOL_SIZE: String(POOL_SIZE) }, `${bareUrl}/api/v1/search/organizations?q=a`);
    stops.push(bare.stop);
    const permissions = ['crm.organizations.read', 'crm.persons.read', 'crm.imports.read', 'crm.imports.write'];
    const token = await nationalAdminToken(oursUrl, { email: 'admin@maillage.test', password, permissions });
    const headers = { authorization: `Bearer ${token}` };

    const page = '/api/v1/organizations?filter[departementCode]=69&sort=name&limit=50';
    const [oursDeep, bareDeep] = await Promise.all([deepPage(oursUrl, page, headers, DEEP_PAGE), deepPage(bareUrl, page, {}, DEEP_PAGE)]);
    console.log(`département 69: page ${oursDeep.depth} of the list by name (cursor)`);
    const search = (q) => `/api/v1/search/organizations?q=${encodeURIComponent(q)}`;
    const scenarios = [
      { name: 'GET /api/v1/organizations/{id}', ours: `/api/v1/organizations/${targets.organizationId}`, kind: 'read' },
      { name: `GET /api/v1/organizations?filter[departementCode]=69&sort=name (page ${oursDeep.depth})`, ours: oursDeep.path, bare: bareDeep.path, kind: 'read' },
      { name: 'GET /api/v1/persons?filter[email]=…', ours: `/api/v1/persons?filter[email]=${encodeURIComponent(targets.email)}`, kind: 'read' },
      { name: 'search "boulangerie lyon"', ours: search('boulangerie lyon'), kind: 'search' },
      { name: `search "${targets.misspeltName}" (misspelt)`, ours: search(targets.misspeltName), kind: 'search', expect: targets.rightName },
      { name: `search "${targets.sirenPrefix}" (SIREN prefix)`, ours: search(targets.sirenPrefix), kind: 'search' },
    ].map((scenario) => ({ ...scenario, bare: scenario.bare ?? scenario.ours }));
    for (const scenario of scenarios) await checkSameRows(scenario, oursUrl, bareUrl, headers);

    const rows = [];
    const results = [];
    for (const scenario of scenarios) {
      await load({ url: oursUrl + scenario.ours, headers, connections: 10, durationSeconds: WARMUP });
      await load({ url: bareUrl + scenario.bare, connections: 10, durationSeconds: WARMUP });
      for (const connections of scenario.kind === 'read' ? [50, 10] : [10]) {
        const oursTarget = { pid: ours.pid, url: oursUrl + scenario.ours, headers };
        const paired = await pairedLoads(oursTarget, { pid: bare.pid, url: bareUrl + scenario.bare }, { connections, durationSeconds: DURATION, pairs: PAIRS });
        const { ours: oursResult, bare: bareResult, ratio, pairs } = paired;
        const verdict =
          scenario.kind === 'search'
            ? { target: `p95 < ${TARGETS.maxSearchP95Ms} ms`, pass: oursResult.p95 < TARGETS.maxSearchP95Ms }
            : connections === 50
              ? { target: `≥ ${TARGETS.minThroughputRatioAt50 * 100} % of bare req/s`, pass: ratio >= TARGETS.minThroughputRatioAt50 }
              : { target: `p99 < ${TARGETS.maxP99MsAt10} ms`, pass: oursResult.p99 < TARGETS.maxP99MsAt10 };
        results.push({ scenario: scenario.name, connections, ours: oursResult, bare: bareResult, ratio, pairs, ...verdict });
        rows.push(comparisonRow(scenario.name, connections, oursResult, bareResult, ratio, verdict));
      }
    }

    const exported = await measureExport(ours.pid, oursUrl, headers);
    results.push({ scenario: 'export CSV', ...exported, target: `< ${TARGETS.maxExportSeconds} s`, pass: exported.seconds < TARGETS.maxExportSeconds });

    // Import: as many rows as the data set has companies (250,000 for `full`), run by a worker process.
    console.log(`import: building a ${int(crmSeed.companiesExpected)}-row CSV…`);
    const csv = await buildImportCsv(DIST, crmSeed.companiesExpected);
    const worker = await startProcess('maillage worker', [...WORKER_NODE_FLAGS, ...cpuProfileArgs(), join(DIST, 'main.js'), '--role=worker'], { ...env, PORT: String(OURS_PORT + 5) }, `${oursUrl}/livez`);
    stops.push(worker.stop);
    await sleep(5_000); // the worker subscribes to the queues
    const imported = await measureImport({ base: oursUrl, headers, webPid: ours.pid, workerPid: worker.pid, csv, entityId: targets.rhoneEntityId });
    const importSeconds = imported.dryRunSeconds + imported.runSeconds;
    const importRss = Math.max(imported.dryRunRssPeakMb, imported.runRssPeakMb);
    results.push({
      scenario: 'import CSV',
      ...imported,
      target: `< ${TARGETS.maxImportSeconds} s and < ${TARGETS.maxImportRssMb} MB`,
      pass: imported.job.status === 'completed' && importSeconds < TARGETS.maxImportSeconds && importRss < TARGETS.maxImportRssMb,
    });

    const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
    console.log(`\n${new Date().toISOString()} · ${machine} · scale ${SCALE} · ${DURATION} s per run · ${PAIRS} pair(s) per line, the median shown · pool ${POOL_SIZE} · log level ${LOG_LEVEL}\n`);
    if (!crmSeed.alreadyPresent) console.log(`Seed (${SCALE}): ${crmSeed.seconds.toFixed(0)} s for ${JSON.stringify(crmSeed.created)}\n`);
    console.log(markdownTable(COMPARISON_HEADERS, rows));
    console.log(
      `\nExport CSV of every company (${int(exported.rows)} rows, ${int(exported.bytes / 2 ** 20)} MiB): ${exported.seconds.toFixed(1)} s, ` +
        `server RSS ${int(exported.rssBeforeMb)} MiB before, ${int(exported.rssPeakMb)} MiB at peak`,
    );

    console.log(
      `Import CSV (${int(imported.rows)} rows, ${int(csv.length / 2 ** 20)} MiB, ${int(imported.rejected)} rejected): dry run ${imported.dryRunSeconds.toFixed(1)} s ` +
        `(web RSS peak ${int(imported.dryRunRssPeakMb)} MiB; CPU web ${imported.dryRunCpuSeconds.web.toFixed(1)} s, PostgreSQL ${imported.dryRunCpuSeconds.database.toFixed(1)} s), ` +
        `run ${imported.runSeconds.toFixed(1)} s (worker RSS peak ${int(imported.runRssPeakMb)} MiB; CPU worker ${imported.runCpuSeconds.worker.toFixed(1)} s, PostgreSQL ${imported.runCpuSeconds.database.toFixed(1)} s), ` +
        `status ${imported.job.status}: ${JSON.stringify(imported.job.rows)}`,
    );

    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `crm-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, scale: SCALE, seed: crmSeed, durationSeconds: DURATION, pairs: PAIRS, poolSize: POOL_SIZE, targets: TARGETS, results }, null, 2));
    console.log(`\nraw results: ${file}`);
    // Only raises: `npm run bench` runs the entities bench first, whose verdict stands.
    if (!results.every((r) => r.pass)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    if (KEEP || REUSED) console.log(`kept database ${database.name} (demo password ${password})`);
    else await database.drop();
  }
}

/**
 * Both servers must answer the same rows, or the comparison means nothing. Compared by id (single
 * reads, lists and search hits, in order): the JSON shapes are the same, but a few fields are
 * formatted by different code (scores, cursors).
 */
async function checkSameRows(scenario, oursUrl, bareUrl, headers) {
  const [oursResponse, bareResponse] = await Promise.all([fetch(oursUrl + scenario.ours, { headers }), fetch(bareUrl + scenario.bare)]);
  if (oursResponse.status !== 200 || bareResponse.status !== 200) {
    throw new Error(`${scenario.name}: ours answered ${oursResponse.status} (${await oursResponse.text()}), bare ${bareResponse.status} (${await bareResponse.text()})`);
  }
  const [oursBody, bareBody] = [await oursResponse.text(), await bareResponse.text()];
  const ids = (body) => {
    const parsed = JSON.parse(body);
    return parsed.items ? parsed.items.map((item) => item.id) : [parsed.id];
  };
  const [oursIds, bareIds] = [ids(oursBody), ids(bareBody)];
  if (oursIds.length === 0 || JSON.stringify(oursIds) !== JSON.stringify(bareIds)) {
    throw new Error(`${scenario.name}: the two servers answer different rows (ours ${oursIds.length}, bare ${bareIds.length})`);
  }
  if (scenario.expect && JSON.parse(oursBody).items[0].name !== scenario.expect) {
    console.warn(`  ${scenario.name}: first hit "${JSON.parse(oursBody).items[0].name}", expected "${scenario.expect}"`);
  }
  console.log(`${scenario.name}: same rows (${oursIds.length}; ours ${oursBody.length} B, bare ${bareBody.length} B)`);
}

/** Streams the CSV export of every company (the largest export there is), counting rows and the server's peak memory. */
async function measureExport(pid, base, headers) {
  const started = performance.now();
  const { result, rssBeforeMb, rssPeakMb } = await peakRss(pid, async () => {
    const response = await fetch(`${base}/api/v1/organizations?sort=name`, { headers: { ...headers, accept: 'text/csv' } });
    if (response.status !== 200) throw new Error(`export: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let rows = -1; // the header line
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) rows += 1;
    }
    return { bytes, rows };
  });
  return { ...result, seconds: (performance.now() - started) / 1000, rssBeforeMb, rssPeakMb };
}

await main();
