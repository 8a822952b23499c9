// AI Hub at scale (issue 7, "Performance"): 20,000 articles and 2,000 documents indexed on
// PostgreSQL; indexing throughput, then retrieval (`POST /api/v1/ai/search`) and an extractive answer
// end to end (`POST /api/v1/ai/answers`) at 10 connections, cycling through the 45 employer
// questions of the Code du travail fixture. Run on demand (not in tests):
//   npm run build -w packages/contracts -w apps/server && node bench/ai/ai.mjs [--keep]
//   node bench/ai/ai.mjs --database=<kept> --password=<its demo password>   (re-indexes the documents only)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThrowawayDatabase, seedDatabase } from '../lib/database.mjs';
import { load } from '../lib/load.mjs';
import { markdownTable, ms, int } from '../lib/report.mjs';
import { cpuSeconds, databaseCpuSeconds, nationalAdminToken, productionEnv, startProcess, cpuProfileArgs, WEB_NODE_FLAGS } from '../lib/servers.mjs';
import { documentsToReindex, indexAll, seedSources } from './seed-ai.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = process.env.BENCH_SERVER_DIST ?? join(ROOT, 'apps/server/dist');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KNOWLEDGE = process.env.BENCH_AI_KNOWLEDGE ?? join(ROOT, '../shared/fixtures/knowledge');
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const RUNS = Number(process.env.BENCH_AI_RUNS ?? 2);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 10);
const ARTICLES = Number(process.env.BENCH_AI_ARTICLES ?? 20_000);
const DOCUMENTS = Number(process.env.BENCH_AI_DOCUMENTS ?? 2_000);
const CONNECTIONS = 10;
const PORT = 3941;
const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')).map(([key, value]) => [key, value ?? true]));

/** The targets of issue 7. */
export const TARGETS = { maxSearchP95Ms: 80, maxAnswerP95Ms: 200, minChunksPerSecond: 200 };

async function main() {
  const reuse = typeof args.database === 'string';
  const database = reuse ? keptDatabase(args.database) : await createThrowawayDatabase(ADMIN_URL);
  const password = reuse ? String(args.password) : randomBytes(12).toString('base64url');
  const stops = [];
  try {
    let indexing;
    if (reuse) {
      const db = await import(`${DIST}/platform/db/index.js`);
      const opened = await db.openDatabase({ databaseUrl: database.url, dataDir: '', databasePoolSize: 2 });
      await db.runMigrations(opened).finally(() => opened.close());
      console.log(`database ${database.name} (kept): migrated; re-indexing its documents…`);
      indexing = await indexAll(database.url, { dist: DIST, sourceIds: await documentsToReindex(database.url) });
    } else {
      console.log(`database ${database.name}: migrating and seeding the network…`);
      await seedDatabase(DIST, database.url, password);
      const seeded = await seedSources(database.url, { dist: DIST, corpusFile: join(KNOWLEDGE, 'code-du-travail.jsonl'), articles: ARTICLES, documents: DOCUMENTS });
      console.log(`${int(seeded.ids.length)} sources in ${seeded.collections} collections of ${seeded.entities} entities; indexing…`);
      indexing = await indexAll(database.url, { dist: DIST, sourceIds: seeded.ids });
      await enableAssistant(database.url);
    }
    console.log(`indexing: ${int(indexing.sources)} sources → ${int(indexing.chunks)} chunks in ${indexing.seconds.toFixed(1)} s = ${int(indexing.chunksPerSecond)} chunks/s`);

    const env = { ...productionEnv({ databaseUrl: database.url, port: PORT, logLevel: LOG_LEVEL, poolSize: POOL_SIZE }), AI_RATE_LIMIT_PER_MINUTE: '10000' };
    const baseUrl = `http://127.0.0.1:${PORT}`;
    const ours = await startProcess('maillage', [...WEB_NODE_FLAGS, ...cpuProfileArgs(), join(DIST, 'main.js'), '--role=web'], env, `${baseUrl}/livez`, { verbose: process.env.BENCH_VERBOSE === '1' });
    stops.push(ours.stop);
    const token = await nationalAdminToken(baseUrl, { email: 'admin@maillage.test', password, permissions: ['ai.ask'] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const fixture = readFileSync(join(KNOWLEDGE, 'questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const questions = fixture.map((question) => question.q);
    await checkAnswers(baseUrl, headers, questions[0]);
    const quality = await recallAtScale(baseUrl, headers, fixture);

    const scenarios = [
      { name: 'retrieval (POST /ai/search, limit 8)', path: '/api/v1/ai/search', body: (question) => ({ question, limit: 8 }), maxP95: TARGETS.maxSearchP95Ms },
      { name: 'extractive answer (POST /ai/answers)', path: '/api/v1/ai/answers', body: (question) => ({ question }), maxP95: TARGETS.maxAnswerP95Ms },
    ];
    const rows = [];
    const results = [];
    for (const scenario of scenarios) {
      const requests = questions.map((question) => ({ method: 'POST', path: scenario.path, headers, body: JSON.stringify(scenario.body(question)) }));
      await load({ url: baseUrl, connections: CONNECTIONS, durationSeconds: WARMUP, requests });
      for (let run = 1; run <= RUNS; run += 1) {
        const before = { server: cpuSeconds(ours.pid), database: databaseCpuSeconds(), client: process.cpuUsage() };
        const result = await load({ url: baseUrl, connections: CONNECTIONS, durationSeconds: DURATION, requests });
        result.cpuMsPerRequest = ((cpuSeconds(ours.pid) - before.server) * 1000) / result.ok;
        result.databaseCpuMsPerRequest = ((databaseCpuSeconds() - before.database) * 1000) / result.ok;
        const client = process.cpuUsage(before.client);
        result.clientCpuMsPerRequest = (client.user + client.system) / 1000 / result.ok;
        result.loadAverage = loadavg()[0];
        if (result.non2xx + result.errors > 0) console.warn(`  ${scenario.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        const pass = result.p95 < scenario.maxP95 && result.non2xx + result.errors === 0;
        results.push({ scenario: scenario.name, run, connections: CONNECTIONS, ...result, target: `p95 < ${scenario.maxP95} ms`, pass });
        rows.push([scenario.name, run, CONNECTIONS, int(result.requestsPerSecond), `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.p99)}`, cpuShares(result), result.loadAverage.toFixed(1), `p95 < ${scenario.maxP95} ms`, pass ? 'PASS' : 'FAIL']);
      }
    }
    const indexingPass = indexing.chunksPerSecond >= TARGETS.minChunksPerSecond;
    rows.push([`indexing (${int(indexing.sources)} sources → ${int(indexing.chunks)} chunks, one job)`, 1, 1, '–', `${indexing.seconds.toFixed(1)} s = ${int(indexing.chunksPerSecond)} chunks/s`, '–', '–', `≥ ${TARGETS.minChunksPerSecond} chunks/s`, indexingPass ? 'PASS' : 'FAIL']);

    const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`;
    console.log(`\n${new Date().toISOString()} · ${machine} · ${DURATION} s per run · pool ${POOL_SIZE} · log level ${LOG_LEVEL} · ${questions.length} questions in turn\n`);
    console.log(markdownTable(['Scenario', 'Run', 'Conn.', 'req/s', 'p50 / p95 / p99 ms', 'CPU ms/req: server / DB / client', 'Load avg', 'Target', 'Result'], rows));
    console.log(`\nquality at this scale: recall@5 ${quality.recallAt5.toFixed(3)} over ${quality.answerable} answerable questions (an expected article among the first 5 passages, any copy)`);
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `ai-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, indexing, durationSeconds: DURATION, poolSize: POOL_SIZE, targets: TARGETS, results, quality }, null, 2));
    console.log(`\nraw results: ${file}`);
    if (args.keep || reuse) console.log(`database kept: --database=${database.name} --password=${password}`);
    if (!indexingPass || !results.every((r) => r.pass)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    if (!args.keep && !reuse) await database.drop();
  }
}

/** Where a request's CPU goes: our server, PostgreSQL (all its processes), the load generator. */
function cpuShares(result) {
  return [result.cpuMsPerRequest, result.databaseCpuMsPerRequest, result.clientCpuMsPerRequest].map(ms).join(' / ');
}

function keptDatabase(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

async function enableAssistant(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO feature_flags (key, description, kind, variants, default_variant) VALUES ('ai.assistant', 'Assistant IA (banc d''essai)', 'boolean', '{"on": true, "off": false}', 'on') ON CONFLICT (key) DO NOTHING`);
  } finally {
    await client.end();
  }
}

/**
 * Retrieval quality on the bench corpus, so that a speed-up that changes results shows here: the
 * share of answerable fixture questions with an expected article (its title, or its heading inside
 * a dossier) among the first five passages. Each article exists in many copies; any copy counts.
 */
async function recallAtScale(baseUrl, headers, fixture) {
  let found = 0;
  const answerable = fixture.filter((question) => question.expected?.length > 0);
  for (const question of answerable) {
    const response = await fetch(`${baseUrl}/api/v1/ai/search`, { method: 'POST', headers, body: JSON.stringify({ question: question.q, limit: 5 }) });
    const { items } = await response.json();
    const articles = items.map((item) => (item.title.startsWith('Article ') ? item.title : (item.heading ?? '')).replace(/^Article /, ''));
    if (articles.some((article) => question.expected.includes(article))) found += 1;
  }
  return { recallAt5: found / answerable.length, answerable: answerable.length };
}

async function checkAnswers(baseUrl, headers, question) {
  for (const path of ['/api/v1/ai/search', '/api/v1/ai/answers']) {
    const response = await fetch(baseUrl + path, { method: 'POST', headers, body: JSON.stringify({ question }) });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
}

await main();
