/** Prints rows as an aligned Markdown table (pasteable into docs/perf.md). */
export function markdownTable(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export const ms = (value) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
export const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

/** Columns of the ours-against-bare table (`comparisonRow`). */
export const COMPARISON_HEADERS = [
  'Route',
  'Conn.',
  'ours req/s',
  'bare req/s',
  'ours/bare',
  'ours p50 / p95 / p99 ms',
  'bare p50 / p95 / p99 ms',
  'CPU ms/req ours / bare',
  'PostgreSQL CPU ms/req ours / bare',
  'Target',
  'Result',
];

/**
 * One row of the ours-against-bare table (and a warning when either side answered errors): route,
 * connections, req/s, ratio, latency percentiles, CPU per request (server, PostgreSQL), target and verdict.
 */
export function comparisonRow(scenario, connections, ours, bare, ratio, verdict) {
  const failures = ours.non2xx + ours.errors + bare.non2xx + bare.errors;
  if (failures > 0) console.warn(`  ${scenario} @${connections}: ${failures} non-2xx responses or errors`);
  return [
    scenario,
    connections,
    int(ours.requestsPerSecond),
    int(bare.requestsPerSecond),
    `${(ratio * 100).toFixed(0)} %`,
    `${ms(ours.p50)} / ${ms(ours.p95)} / ${ms(ours.p99)}`,
    `${ms(bare.p50)} / ${ms(bare.p95)} / ${ms(bare.p99)}`,
    `${ms(ours.cpuMsPerRequest)} / ${ms(bare.cpuMsPerRequest)}`,
    `${ms(ours.databaseMsPerRequest)} / ${ms(bare.databaseMsPerRequest)}`,
    verdict.target,
    verdict.pass ? 'PASS' : 'FAIL',
  ];
}
