/** One sample of the Prometheus text exposition format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses what `/metrics` returns; comments (HELP, TYPE) and blank lines are skipped. */
export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = SAMPLE.exec(trimmed);
    if (!match) throw new Error(`Unreadable metrics line: ${trimmed}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(LABEL)) {
      labels[key!] = raw!.replaceAll('\\n', '\n').replaceAll('\\"', '"').replaceAll('\\\\', '\\');
    }
    samples.push({ name: match[1]!, labels, value: parseValue(match[3]!) });
  }
  return samples;
}

function parseValue(raw: string): number {
  if (raw === '+Inf') return Infinity;
  if (raw === '-Inf') return -Infinity;
  return Number(raw);
}

/** Sum of the samples of `name` whose labels match every given label (a function tests the value). */
export function sumSamples(samples: readonly Sample[], name: string, match: Record<string, string | ((value: string) => boolean)> = {}): number {
  let total = 0;
  for (const sample of samples) {
    if (sample.name !== name) continue;
    const matches = Object.entries(match).every(([key, expected]) => {
      const value = sample.labels[key] ?? '';
      return typeof expected === 'function' ? expected(value) : value === expected;
    });
    if (matches) total += sample.value;
  }
  return total;
}
