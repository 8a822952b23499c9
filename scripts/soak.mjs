// `npm run soak` (on demand, not in CI): the `npm run slo` workload for 10 minutes, reading the
// server's resident memory from /metrics every 10 s. Passes when memory shows no upward trend
// beyond 10 % after the first minute and no request failed. Run `npm run build` first.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST, exitWith, scrapeMetrics, startLoadServer } from './load-server.mjs';
import { runWorkload } from './slo-workload.mjs';

const ADMIN_URL = process.env.SLO_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.SOAK_DURATION ?? 600);
const SETTLE = Number(process.env.SOAK_SETTLE ?? 60);
const CONNECTIONS = Number(process.env.SLO_CONNECTIONS ?? 8);
const PORT = Number(process.env.SLO_PORT ?? 3912);
const SAMPLE_EVERY_MS = 10_000;

async function main() {
  const { parsePrometheusText, sumSamples } = await import(join(DIST, 'platform/ops/slo-gate/prometheus-text.js'));
  const { evaluateSoak } = await import(join(DIST, 'platform/ops/slo-gate/soak-evaluation.js'));
  const server = await startLoadServer({ adminUrl: ADMIN_URL, scale: process.env.SLO_SCALE ?? 'small', port: PORT });
  try {
    const { baseUrl, headers, rows } = server;
    console.log(`soak: ${DURATION} s at ${CONNECTIONS} connections, memory read every ${SAMPLE_EVERY_MS / 1000} s…`);
    const startedAt = Date.now();
    const samples = [];
    const read = async () => {
      const metrics = await scrapeMetrics(baseUrl, parsePrometheusText);
      const sample = { atSeconds: (Date.now() - startedAt) / 1000, residentBytes: sumSamples(metrics, 'process_resident_memory_bytes') };
      samples.push(sample);
      console.log(`  ${sample.atSeconds.toFixed(0).padStart(4)} s  RSS ${(sample.residentBytes / 1024 / 1024).toFixed(1)} MiB`);
    };
    let done = false;
    const result = runWorkload({ baseUrl, headers, rows, connections: CONNECTIONS, durationSeconds: DURATION }).then((r) => ((done = true), r));
    while (!done) {
      await read();
      await Promise.race([result, sleep(SAMPLE_EVERY_MS)]);
    }
    await read();
    const { requests, errors, timeouts, non2xx } = await result;
    const verdict = evaluateSoak({ samples, failedResponses: non2xx, connectionErrors: errors + timeouts, settleSeconds: SETTLE, maxGrowthRatio: 0.1 });
    console.log(`\n${requests.total} requests; memory trend after ${SETTLE} s: ${(verdict.growthRatio * 100).toFixed(1)} % over the run.`);
    console.log(verdict.passed ? 'Soak: passed.' : `Soak: FAILED\n- ${verdict.problems.join('\n- ')}`);
    return verdict.passed ? 0 : 1;
  } finally {
    await server.stop();
  }
}

exitWith(main());
