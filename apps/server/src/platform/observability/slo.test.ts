import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTTP_DURATION_BUCKETS } from './metrics.js';
import { ERROR_OBJECTIVE, JOB_OBJECTIVES, LATENCY_OBJECTIVES } from './slo.js';

const SLO_DOC = readFileSync(new URL('../../../../../docs/slo.md', import.meta.url), 'utf8');

function formatDuration(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds} s`;
}

describe('service level objectives', () => {
  it('makes every latency threshold a histogram bucket bound, so the share under it is exact', () => {
    for (const objective of LATENCY_OBJECTIVES) {
      expect(HTTP_DURATION_BUCKETS).toContain(objective.p95Seconds);
      expect(HTTP_DURATION_BUCKETS).toContain(objective.p99Seconds);
    }
  });

  it('matches the table in docs/slo.md row for row', () => {
    const section = SLO_DOC.slice(SLO_DOC.indexOf('## Latency'), SLO_DOC.indexOf('## Errors'));
    const rows = section.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));
    const documented = rows.map((row) => row.split('|').map((cell) => cell.trim()).slice(1, 5));
    const expected = LATENCY_OBJECTIVES.map((o) => [`\`${o.routeClass}\``, o.covers, formatDuration(o.p95Seconds), formatDuration(o.p99Seconds)]);
    expect(documented).toEqual(expected);
  });

  it('documents the error and job objectives with the same numbers', () => {
    expect(SLO_DOC).toContain(`≤ ${ERROR_OBJECTIVE.max5xxRatio * 100} % of answered requests`);
    expect(SLO_DOC).toContain(`every queue | ≤ ${JOB_OBJECTIVES.maxOldestWaitingSeconds} s`);
    expect(SLO_DOC).toContain(`per queue | ≤ ${JOB_OBJECTIVES.maxFailureRatio * 100} %`);
  });
});
