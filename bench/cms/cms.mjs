// CMS public delivery at scale (issue 6, "Performance"): 20,000 articles over 100 sites on
// PostgreSQL, our server (rendered-page cache on, and a second instance with it off) against a
// bare Fastify route serving the same stored HTML. Run on demand (not in tests):
//   npm run build -w packages/contracts && npm run build -w apps/server && node bench/cms/cms.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThrowawayDatabase, seedDatabase } from '../lib/database.mjs';
import { load } from '../lib/load.mjs';
import { comparisonRow, markdownTable, ms, int } from '../lib/report.mjs';
import { cpuSeconds, productionEnv, startProcess, cpuProfileArgs, WEB_NODE_FLAGS } from '../lib/servers.mjs';
import { seedCms } from './seed-cms.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = process.env.BENCH_SERVER_DIST ?? join(ROOT, 'apps/server/dist');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const SITES = Number(process.env.BENCH_CMS_SITES ?? 100);
const ARTICLES = Number(process.env.BENCH_CMS_ARTICLES ?? 20_000);
// A directory makes our cached server write a V8 CPU profile there when it stops (Chrome DevTools).
const OURS_PORT = 3931;
const UNCACHED_PORT = 3933;
const BARE_PORT = 3932;

/** The targets of issue 6. */
export const TARGETS = { maxCachedP99MsAt10: 5, maxUncachedP99MsAt10: 25, maxSearchP95MsAt10: 50, minThroughputRatioAt50: 0.7 };

async function main() {
  const database = await createThrowawayDatabase(ADMIN_URL);
  const stops = [];
  try {
    console.log(`database ${database.name}: migrating and seeding the network…`);
    await seedDatabase(DIST, database.url, randomBytes(12).toString('base64url'));
    console.log(`seeding ${int(ARTICLES)} articles over ${SITES} sites…`);
    const seeded = await seedCms(database.url, { sites: SITES, articles: ARTICLES });
    console.log(`CMS seeded in ${seeded.seconds.toFixed(1)} s: ${JSON.stringify(seeded)}`);

    const env = productionEnv({ databaseUrl: database.url, port: OURS_PORT, logLevel: LOG_LEVEL, poolSize: POOL_SIZE });
    const oursUrl = `http://127.0.0.1:${OURS_PORT}`;
    const uncachedUrl = `http://127.0.0.1:${UNCACHED_PORT}`;
    const ours = await startProcess('maillage', [...WEB_NODE_FLAGS, ...cpuProfileArgs(), join(DIST, 'main.js'), '--role=web'], env, `${oursUrl}/livez`);
    stops.push(ours.stop);
    // Same build, rendered-page cache off: every request reads the database and renders.
    const uncached = await startProcess('maillage (no page cache)', [...WEB_NODE_FLAGS, join(DIST, 'main.js'), '--role=web'], { ...env, PORT: String(UNCACHED_PORT), PUBLIC_URL: uncachedUrl, CMS_PAGE_CACHE_BYTES: '0' }, `${uncachedUrl}/livez`);
    stops.push(uncached.stop);

    const site = seeded.sampleSlug;
    const article = await firstArticle(oursUrl, site);
    const articlePath = `/sites/${site}/actualites/${article}`;
    const page = await fetch(oursUrl + articlePath);
    if (page.status !== 200) throw new Error(`${articlePath}: ${page.status}`);
    const html = await page.text();
    const bare = await startProcess('bare', [join(ROOT, 'bench/cms/cms-bare-server.mjs')], { PORT: String(BARE_PORT), BARE_HTML: html }, `http://127.0.0.1:${BARE_PORT}/page`);
    stops.push(bare.stop);
    const bareUrl = `http://127.0.0.1:${BARE_PORT}/page`;
    const searchPath = `/sites/${site}/recherche?q=${encodeURIComponent('assemblée générale')}`;
    const hits = (await (await fetch(uncachedUrl + searchPath)).text()).match(/class="card"/g)?.length ?? 0;
    console.log(`article ${articlePath} (${int(html.length)} B); search "assemblée générale" on ${site}: ${hits} hits on the first page`);

    const rows = [];
    const results = [];
    const run = async (name, pid, url, connections, check, bareRun = null) => {
      await load({ url, connections, durationSeconds: WARMUP });
      const result = await measured(pid, { url, connections, durationSeconds: DURATION });
      const verdict = check(result, bareRun);
      results.push({ scenario: name, connections, ours: result, bare: bareRun, ...verdict });
      rows.push(bareRun ? comparisonRow(name, connections, result, bareRun, verdict.ratio, verdict) : soloRow(name, connections, result, verdict));
    };
    await run('article, cached', ours.pid, oursUrl + articlePath, 10, (r) => ({ target: `p99 < ${TARGETS.maxCachedP99MsAt10} ms`, pass: r.p99 < TARGETS.maxCachedP99MsAt10 }));
    await run('article, uncached (cache off)', uncached.pid, uncachedUrl + articlePath, 10, (r) => ({ target: `p99 < ${TARGETS.maxUncachedP99MsAt10} ms`, pass: r.p99 < TARGETS.maxUncachedP99MsAt10 }));
    await run('search "assemblée générale" (cache off)', uncached.pid, uncachedUrl + searchPath, 10, (r) => ({ target: `p95 < ${TARGETS.maxSearchP95MsAt10} ms`, pass: r.p95 < TARGETS.maxSearchP95MsAt10 }));
    await load({ url: bareUrl, connections: 50, durationSeconds: WARMUP });
    const bareResult = await measured(bare.pid, { url: bareUrl, connections: 50, durationSeconds: DURATION });
    await run('article, cached, vs bare stored HTML', ours.pid, oursUrl + articlePath, 50, (r, b) => {
      const ratio = r.requestsPerSecond / b.requestsPerSecond;
      return { ratio, target: `≥ ${TARGETS.minThroughputRatioAt50 * 100} % of bare req/s`, pass: ratio >= TARGETS.minThroughputRatioAt50 };
    }, bareResult);

    const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
    console.log(`\n${new Date().toISOString()} · ${machine} · ${int(seeded.contents)} articles, ${seeded.sites} sites · ${DURATION} s per run · pool ${POOL_SIZE} · log level ${LOG_LEVEL}\n`);
    console.log(markdownTable(['Route', 'Conn.', 'ours req/s', 'bare req/s', 'ours/bare', 'ours p50 / p95 / p99 ms', 'bare p50 / p95 / p99 ms', 'CPU ms/req ours / bare', 'Target', 'Result'], rows));
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `cms-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, seeded, durationSeconds: DURATION, poolSize: POOL_SIZE, targets: TARGETS, results }, null, 2));
    console.log(`\nraw results: ${file}`);
    if (!results.every((r) => r.pass)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await database.drop();
  }
}

async function firstArticle(base, site) {
  const response = await fetch(`${base}/api/v1/public/sites/${site}/contents?filter[kind]=article&limit=1`);
  if (response.status !== 200) throw new Error(`headless list: ${response.status} ${await response.text()}`);
  const { items } = await response.json();
  return items[0].path.split('/').pop();
}

async function measured(pid, options) {
  const before = cpuSeconds(pid);
  const result = await load(options);
  return { ...result, cpuMsPerRequest: ((cpuSeconds(pid) - before) * 1000) / result.ok };
}

function soloRow(name, connections, result, verdict) {
  return [name, connections, int(result.requestsPerSecond), '–', '–', `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.p99)}`, '–', `${ms(result.cpuMsPerRequest)} / –`, verdict.target, verdict.pass ? 'PASS' : 'FAIL'];
}

await main();
