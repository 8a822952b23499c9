import { describe, expect, it } from 'vitest';
import { evaluateSoak, type MemorySample } from './soak-evaluation.js';

const MB = 1024 * 1024;

/** A reading every 10 s for 10 minutes: `base` plus a drift per minute plus a GC-like sawtooth. */
function samples(base: number, driftPerMinute: number, sawtooth = 0): MemorySample[] {
  return Array.from({ length: 61 }, (_, i) => ({ atSeconds: i * 10, residentBytes: base + (driftPerMinute * i) / 6 + (i % 3) * sawtooth }));
}

const run = (memory: MemorySample[], failures = { failedResponses: 0, connectionErrors: 0 }) =>
  evaluateSoak({ samples: memory, ...failures, settleSeconds: 60, maxGrowthRatio: 0.1 });

describe('soak evaluation', () => {
  it('passes a flat memory line with garbage-collection sawtooth and no failure', () => {
    const verdict = run(samples(200 * MB, 0, 15 * MB));
    expect(verdict.passed).toBe(true);
    expect(Math.abs(verdict.growthRatio)).toBeLessThan(0.01);
  });

  it('ignores the warm-up: a steep climb during the first minute then a plateau passes', () => {
    const memory = samples(200 * MB, 0).map((s) => (s.atSeconds < 60 ? { ...s, residentBytes: 100 * MB + s.atSeconds * MB } : s));
    expect(run(memory).passed).toBe(true);
  });

  it('fails a steady leak of more than 10 % over the run', () => {
    const verdict = run(samples(200 * MB, 4 * MB, 10 * MB));
    expect(verdict.passed).toBe(false);
    expect(verdict.growthRatio).toBeCloseTo(0.18, 1);
    expect(verdict.problems[0]).toMatch(/memory grows by 1\d\.\d %/);
  });

  it('fails on any failed request, and on too few samples', () => {
    expect(run(samples(200 * MB, 0), { failedResponses: 2, connectionErrors: 0 }).problems).toEqual(['2 responses were not 2xx']);
    expect(run(samples(200 * MB, 0).slice(0, 7)).passed).toBe(false);
  });
});
