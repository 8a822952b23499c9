// Adds up vitest's "Tests  N passed | M failed" lines from each CI pass into the closing lines CI
// reads, and names each failed test there with its first error line: a long log may be shown only
// by its tail, and the failure itself is printed far above it.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let unhandledErrors = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  const label = file.slice(file.lastIndexOf('.') + 1);
  const lines = readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  lines.forEach((line, index) => {
    const tests = /^\s*Tests\s+(.*)$/.exec(line);
    if (tests) {
      passed += Number(/(\d+) passed/.exec(tests[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(tests[1])?.[1] ?? 0);
    }
    const errors = /^\s*Errors\s+(\d+) errors?/.exec(line);
    if (errors) unhandledErrors += Number(errors[1]);
    if (/^\s*FAIL\s/.test(line)) failures.push(`[${label}] ${line.trim()}\n    ${firstErrorLine(lines, index)}`);
  });
}

function firstErrorLine(lines, failLine) {
  const message = lines.slice(failLine + 1, failLine + 8).find((line) => line.trim() !== '');
  return (message ?? '(no message)').trim().slice(0, 300);
}

if (failures.length > 0) console.log(`Failed:\n${failures.join('\n')}`);
if (unhandledErrors > 0) console.log(`${unhandledErrors} unhandled error(s): see "Unhandled Errors" above`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || unhandledErrors > 0 || passed === 0 ? 1 : 0);
