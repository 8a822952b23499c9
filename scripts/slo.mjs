// `npm run slo`: starts the built server on a throwaway PostgreSQL database seeded with the CRM demo
// data, drives a mixed workload, reads /metrics and checks the objectives of docs/slo.md. Prints a
// table; exits 1 when an objective is missed. Run `npm run build` first.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST, exitWith, scrapeMetrics, startLoadServer } from './load-server.mjs';
import { runWorkload } from './slo-workload.mjs';
import { awaitImport, startImport } from './slo-import.mjs';

const ADMIN_URL = process.env.SLO_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = process.env.SLO_SCALE ?? 'small';
const DURATION = Number(process.env.SLO_DURATION ?? 20);
const WARMUP = Number(process.env.SLO_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.SLO_CONNECTIONS ?? 8);
const PORT = Number(process.env.SLO_PORT ?? 3911);
const IMPORT_ROWS = Number(process.env.SLO_IMPORT_ROWS ?? 1_000);
const SCRAPE_EVERY_MS = 5_000;

async function main() {
  const { parsePrometheusText } = await import(join(DIST, 'platform/ops/slo-gate/prometheus-text.js'));
  const { evaluateSlo, formatSloReport } = await import(join(DIST, 'platform/ops/slo-gate/slo-evaluation.js'));
  const server = await startLoadServer({ adminUrl: ADMIN_URL, scale: SCALE, port: PORT });
  try {
    const { baseUrl, headers, rows } = server;
    console.log(`warm-up ${WARMUP} s, then ${DURATION} s at ${CONNECTIONS} connections (scale ${SCALE})…`);
    await runWorkload({ baseUrl, headers, rows, connections: CONNECTIONS, durationSeconds: WARMUP });
    const scrapes = [await scrapeMetrics(baseUrl, parsePrometheusText)];
    const importJobId = await startImport({ baseUrl, headers, dist: DIST, entityId: rows.entityId, rows: IMPORT_ROWS });
    let done = false;
    const result = runWorkload({ baseUrl, headers, rows, connections: CONNECTIONS, durationSeconds: DURATION }).then((r) => ((done = true), r));
    while (!done) {
      await Promise.race([result, sleep(SCRAPE_EVERY_MS)]);
      scrapes.push(await scrapeMetrics(baseUrl, parsePrometheusText));
    }
    const { requests, errors, timeouts, non2xx } = await result;
    console.log(`${requests.total} requests, ${non2xx} non-2xx, ${errors} connection errors, ${timeouts} timeouts`);
    const imported = await awaitImport({ baseUrl, headers, jobId: importJobId });
    const importOk = imported.status === 'completed';
    console.log(`import of ${IMPORT_ROWS} rows during the run: ${imported.status} (${imported.rows.created} created, ${imported.rows.rejected} rejected)\n`);
    const report = evaluateSlo(scrapes);
    console.log(formatSloReport(report));
    return report.passed && errors === 0 && importOk ? 0 : 1;
  } finally {
    await server.stop();
  }
}

exitWith(main());
