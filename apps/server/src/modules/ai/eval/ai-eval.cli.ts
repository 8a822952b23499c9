import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPglite, runMigrations } from '../../../platform/db/index.js';
import { codeDuTravailSet, goldenSet, runEvaluation, type EvaluationResult, type EvaluationSet } from './run-evaluation.js';
import { failedGates } from './thresholds.js';

/**
 * `npm run ai:eval [-- --set=golden|code-du-travail|all] [--verbose] [--fixtures=DIR]`: loads each
 * evaluation set into a throwaway in-memory PGlite database, asks every question through the real
 * answer service (extractive provider) and prints retrieval and citation metrics; exits 1 when a
 * metric is under its threshold (thresholds.ts, docs/perf.md).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const which = option('set') ?? 'all';
  const verbose = args.includes('--verbose');
  const fixtures = resolve(option('fixtures') ?? process.env.AI_EVAL_FIXTURES ?? '../shared/fixtures/knowledge');
  const sets: EvaluationSet[] = [];
  if (which === 'golden' || which === 'all') sets.push(goldenSet());
  if (which === 'code-du-travail' || which === 'all') {
    if (!existsSync(`${fixtures}/code-du-travail.jsonl`)) {
      console.error(`Fixture not found: ${fixtures}/code-du-travail.jsonl (pass --fixtures=DIR or AI_EVAL_FIXTURES).`);
      return 2;
    }
    sets.push(codeDuTravailSet(fixtures));
  }
  const failures: string[] = [];
  for (const set of sets) {
    const database = await openPglite('memory://');
    try {
      await runMigrations(database);
      const result = await runEvaluation(database, set);
      print(result, verbose);
      failures.push(...failedGates(set.name, result.metrics));
    } finally {
      await database.close();
    }
  }
  if (failures.length > 0) {
    console.error(`\nBelow thresholds:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  out('\nAll thresholds met.');
  return 0;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

function print(result: EvaluationResult, verbose: boolean): void {
  const m = result.metrics;
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  out(`\n== ${result.set}: ${m.questions} questions (${m.answerable} answerable, ${m.unanswerable} unanswerable), ${result.seconds.toFixed(1)} s`);
  out(`  retrieval recall@5     ${pct(m.recallAt5)}`);
  out(`  retrieval MRR          ${m.mrr.toFixed(3)}`);
  out(`  citation precision     ${pct(m.citationPrecision)}`);
  out(`  citation recall        ${pct(m.citationRecall)}`);
  out(`  refusal accuracy       ${pct(m.refusalAccuracy)}  (unanswerable questions refused)`);
  out(`  answer rate            ${pct(m.answerRate)}  (answerable questions answered)`);
  if (!verbose) return;
  for (const outcome of result.outcomes) {
    const docs = [...new Set(outcome.retrieved.map((chunk) => outcome.keyOf(chunk.sourceId)))].slice(0, 5).join(', ');
    const cited = [...new Set(outcome.answer.segments.flatMap((s) => s.citations.map((c) => c.title)))].join(', ');
    out(`  [${outcome.answer.status}] ${outcome.question}\n      expected: ${outcome.expected.join(', ') || '(refuse)'} | top5: ${docs} | cited: ${cited}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
