import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: browsers are never downloaded by the test suite. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../../../docs/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** axe-core's browser build, read once per test file and injected into the pages it checks. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the current page (WCAG 2.1 A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolationSummary[]> {
  // Injected once per document (it stays across the back-office's in-app navigations), and run on
  // the page itself: a journey checks some twenty screens, and a fresh injection plus a blank page
  // per check (@axe-core/playwright's default) cost about a third of a journey's time.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // A dialog, an error message or a toast fading in or out has, for a moment, too little contrast:
  // the page is judged as it settles, by a run during which nothing moved. A toast's
  // timer may close it in the middle of a run (seen in CI: its label and button then fail contrast).
  for (let attempt = 1; ; attempt += 1) {
    const check = await settledAxeRun(page);
    if (check.settled || attempt === 5) return check.violations;
  }
}

interface AxeCheck {
  violations: AxeViolationSummary[];
  /** Nothing was moving when axe started or ended, and nothing started to move meanwhile. */
  settled: boolean;
}

async function settledAxeRun(page: Page): Promise<AxeCheck> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))));
  // A snack bar keeps its message aria-hidden for its first 150 ms, until it moves it into its live
  // region (Angular Material's announcement): its action button is then briefly a hidden focusable.
  await page.waitForFunction(() => !document.querySelector('.mat-mdc-snack-bar-label [aria-hidden="true"]'), undefined, { timeout: 5_000 });
  return page.evaluate(async (options) => {
    let started = 0;
    const countStart = () => (started += 1);
    document.addEventListener('animationstart', countStart, true);
    document.addEventListener('transitionstart', countStart, true);
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
    // Something may also have started between the wait above and these listeners (seen in CI: a
    // toast's exit, its label and button then failing contrast), or still run when axe ends.
    const moving = () => document.getAnimations().some((animation) => animation.playState === 'running');
    try {
      const movingBefore = moving();
      const results = await axe.run(document, options);
      const violations = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
        }));
      return { violations, settled: started === 0 && !movingBefore && !moving() };
    } finally {
      document.removeEventListener('animationstart', countStart, true);
      document.removeEventListener('transitionstart', countStart, true);
    }
  }, AXE_OPTIONS);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}
