import autocannon from 'autocannon';
import { cpuSeconds, databaseCpuDuring } from './servers.mjs';

/**
 * Runs autocannon against one URL and returns throughput and exact latency percentiles in ms.
 * autocannon reports p90/p97.5/p99 from an integer-millisecond histogram; the objectives need p95
 * and sub-millisecond resolution, so every 2xx response time is kept and sorted instead.
 */
export async function load({ url, headers = {}, connections, durationSeconds, requests, overallRate }) {
  const latencies = [];
  let non2xx = 0;
  // `requests` (autocannon's): each connection cycles through them, e.g. POSTs of different bodies.
  // `overallRate` (req/s across all connections): a fixed rate instead of as fast as the server answers.
  const instance = autocannon({ url, headers, connections, duration: durationSeconds, pipelining: 1, ...(requests ? { requests } : {}), ...(overallRate ? { overallRate } : {}) });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else non2xx += 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] : NaN);
  return {
    requestsPerSecond: latencies.length / durationSeconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    ok: latencies.length,
    non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * A load run with the CPU time per answered request of the server process and of PostgreSQL (all its
 * processes: on one host with the server, the database's share of the cores counts as much as ours).
 */
export async function measuredLoad(pid, options) {
  const before = cpuSeconds(pid);
  const { result, seconds: databaseSeconds } = await databaseCpuDuring(() => load(options));
  const perRequest = (seconds) => (seconds * 1000) / result.ok;
  return { ...result, cpuMsPerRequest: perRequest(cpuSeconds(pid) - before), databaseMsPerRequest: perRequest(databaseSeconds) };
}

/**
 * Ours then bare, `pairs` times in alternation (`BENCH_PAIRS`, default 1), and the pair whose
 * throughput ratio is the median: on a host whose speed drifts by ±20 % within a minute (docs/perf.md,
 * 2026-11-30 evening) one pair of runs says more about the neighbours than about the code. Targets
 * are `{ pid, url, headers }`. The returned `ours` and `bare` are that pair's results (throughput,
 * percentiles and CPU from the same runs); `pairs` lists every pair's ratio.
 */
export async function pairedLoads(ours, bare, { connections, durationSeconds, pairs = 1 }) {
  const runs = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    const oursResult = await measuredLoad(ours.pid, { url: ours.url, headers: ours.headers, connections, durationSeconds });
    const bareResult = await measuredLoad(bare.pid, { url: bare.url, headers: bare.headers, connections, durationSeconds });
    runs.push({ ours: oursResult, bare: bareResult, ratio: oursResult.requestsPerSecond / bareResult.requestsPerSecond });
  }
  const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)];
  return { ...median, pairs: runs.map((run) => run.ratio) };
}
