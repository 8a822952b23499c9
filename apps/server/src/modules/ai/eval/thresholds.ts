import type { SetMetrics } from './metrics.js';

type Gate = Partial<Pick<SetMetrics, 'recallAt5' | 'mrr' | 'citationPrecision' | 'citationRecall' | 'refusalAccuracy' | 'answerRate'>>;

/**
 * Minimums `npm run ai:eval` enforces with the extractive provider (recorded in docs/perf.md, "AI
 * evaluation"). Set a little under the figures measured on each set as a whole; raise them when the
 * pipeline improves, never lower them to make a change pass.
 */
export const THRESHOLDS: Record<'golden' | 'code-du-travail', Gate> = {
  golden: { recallAt5: 0.95, mrr: 0.9, citationPrecision: 0.9, citationRecall: 0.9, refusalAccuracy: 0.85, answerRate: 0.85 },
  'code-du-travail': { recallAt5: 0.8, mrr: 0.55, citationPrecision: 0.38, citationRecall: 0.4, refusalAccuracy: 0.75, answerRate: 0.55 },
};

export function failedGates(set: keyof typeof THRESHOLDS, metrics: SetMetrics): string[] {
  return Object.entries(THRESHOLDS[set])
    .filter(([name, minimum]) => metrics[name as keyof Gate] < minimum)
    .map(([name, minimum]) => `${set}: ${name} ${metrics[name as keyof Gate].toFixed(3)} < ${minimum}`);
}
