// Adds up vitest's "Tests  N passed | M failed" lines from each CI pass into the one closing line CI reads.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  for (const line of text.split('\n')) {
    const match = /^\s*Tests\s+(.*)$/.exec(line);
    if (!match) continue;
    passed += Number(/(\d+) passed/.exec(match[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(match[1])?.[1] ?? 0);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
