import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'ci-summary.mjs');
const folder = mkdtempSync(join(tmpdir(), 'ci-summary-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the summary on pass logs named like .ci/run's (`<summary>.<label>`). */
function summarize(logs: Record<string, string>) {
  const files = Object.entries(logs).map(([label, text]) => {
    const file = join(folder, `summary.${label}`);
    writeFileSync(file, text);
    return file;
  });
  const run = spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8' });
  return { lines: run.stdout.trim().split('\n'), status: run.status };
}

const failedRun = `
 ❯  browser-journeys  apps/backoffice/e2e/cms-admin.e2e.test.ts (2 tests | 1 failed) 35923ms
⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

 \x1b[41mFAIL\x1b[49m   browser-journeys  apps/backoffice/e2e/cms-admin.e2e.test.ts > CMS > a manager edits the menu
AssertionError: axe on /cms/menus: expected [ { id: 'color-contrast' } ] to deeply equal []

 Test Files  1 failed | 184 passed (185)
      Tests  1 failed | 968 passed | 9 skipped (978)
`;

describe('CI summary', () => {
  it('adds up the passes and ends with the line CI reads', () => {
    const { lines, status } = summarize({ pglite: '      Tests  968 passed | 9 skipped (977)\n', postgres: '      Tests  927 passed (927)\n' });
    expect(lines).toEqual(['1895 passed, 0 failed']);
    expect(status).toBe(0);
  });

  it('names each failed test, its pass and its first error line just above that line', () => {
    const { lines, status } = summarize({ pglite: failedRun, postgres: '      Tests  927 passed (927)\n' });
    expect(lines).toEqual([
      'Failed:',
      '[pglite] FAIL   browser-journeys  apps/backoffice/e2e/cms-admin.e2e.test.ts > CMS > a manager edits the menu',
      "    AssertionError: axe on /cms/menus: expected [ { id: 'color-contrast' } ] to deeply equal []",
      '1895 passed, 1 failed',
    ]);
    expect(status).toBe(1);
  });

  it('fails on errors outside any test, which vitest reports apart from the tests', () => {
    const { lines, status } = summarize({ pglite: '      Tests  968 passed (968)\n      Errors  1 error\n' });
    expect(lines).toEqual(['1 unhandled error(s): see "Unhandled Errors" above', '968 passed, 0 failed']);
    expect(status).toBe(1);
  });

  it('fails when no test ran at all', () => {
    expect(summarize({ pglite: 'npm error Missing script: "check"\n' }).status).toBe(1);
  });
});
