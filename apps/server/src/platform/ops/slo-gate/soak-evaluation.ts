/** One reading of the server's memory during a soak run (from /metrics: process_resident_memory_bytes). */
export interface MemorySample {
  atSeconds: number;
  residentBytes: number;
}

export interface SoakInput {
  samples: readonly MemorySample[];
  /** Responses other than 2xx, and connection errors or timeouts, over the whole run. */
  failedResponses: number;
  connectionErrors: number;
  /** Samples taken before this time are start-up and warm-up (caches filling), not a trend. */
  settleSeconds: number;
  /** Largest accepted growth of the fitted memory line over the run, as a ratio of its start. */
  maxGrowthRatio: number;
}

export interface SoakVerdict {
  passed: boolean;
  /** Growth of the least-squares line through the settled samples, start to end, over its start value. */
  growthRatio: number;
  problems: string[];
}

/**
 * Judges a soak run: memory must show no upward trend beyond `maxGrowthRatio` and no request may
 * fail. The trend is a least-squares line, so garbage-collection sawtooth does not read as growth.
 */
export function evaluateSoak(input: SoakInput): SoakVerdict {
  const settled = input.samples.filter((sample) => sample.atSeconds >= input.settleSeconds);
  const problems: string[] = [];
  if (settled.length < 3) problems.push(`only ${settled.length} memory samples after settling: run longer`);
  const growthRatio = settled.length >= 2 ? fittedGrowth(settled) : 0;
  if (growthRatio > input.maxGrowthRatio) {
    problems.push(`memory grows by ${(growthRatio * 100).toFixed(1)} % over the run (at most ${input.maxGrowthRatio * 100} %)`);
  }
  if (input.failedResponses > 0) problems.push(`${input.failedResponses} responses were not 2xx`);
  if (input.connectionErrors > 0) problems.push(`${input.connectionErrors} connection errors or timeouts`);
  return { passed: problems.length === 0, growthRatio, problems };
}

function fittedGrowth(samples: readonly MemorySample[]): number {
  const n = samples.length;
  const meanT = samples.reduce((sum, s) => sum + s.atSeconds, 0) / n;
  const meanM = samples.reduce((sum, s) => sum + s.residentBytes, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.atSeconds - meanT) * (sample.residentBytes - meanM);
    variance += (sample.atSeconds - meanT) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  const start = samples[0]!.atSeconds;
  const end = samples.at(-1)!.atSeconds;
  const atStart = meanM + slope * (start - meanT);
  return atStart <= 0 ? 0 : (slope * (end - start)) / atStart;
}
