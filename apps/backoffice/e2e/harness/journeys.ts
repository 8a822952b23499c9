import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, seriousViolations } from './browser.js';
import { DEMO_PASSWORD, startServer, type RunningServer, type ServerOptions } from './server.js';

export const ADMIN = 'admin@maillage.test';
export const RHONE_MANAGER = 'manager.69@maillage.test';

/** Playwright reads are instant; the server (PGlite on a shared CI box) is not: poll generously. */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

const BACKOFFICE_ROOT = join(import.meta.dirname, '../..');

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
}

export interface SignInOptions {
  password?: string;
  /** The back-office path to open once signed in (default: the dashboard, where sign-in lands). */
  at?: string;
}

export interface Journeys {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh browser context (French locale, desktop viewport, light theme) on the server. */
  newPage(): Promise<OpenedPage>;
  /** A new browser context signed in as the account, on its dashboard or the page named by `at`. */
  signedInPage(email: string, options?: SignInOptions): Promise<OpenedPage>;
}

/**
 * Registers, for the calling test file, the real server (production build of the back-office,
 * PGlite or DATABASE_URL) and a Chromium, started once and closed after the file's tests.
 */
export function useJourneys(options: ServerOptions = {}): Journeys {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(join(BACKOFFICE_ROOT, 'dist/browser/index.html'))) {
      execSync('npm run build -w apps/backoffice', { cwd: join(BACKOFFICE_ROOT, '../..'), stdio: 'inherit' });
    }
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const journeys: Journeys = {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async newPage() {
      const context = await browser!.newContext({ baseURL: server!.baseUrl, locale: 'fr-FR', viewport: { width: 1366, height: 850 }, colorScheme: 'light' });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[browser]', error.message));
      return { context, page };
    },
    async signedInPage(email, { password = DEMO_PASSWORD, at = '/dashboard' } = {}) {
      const opened = await journeys.newPage();
      // The session is opened through the API, as the sign-in form does (the form has its own
      // journeys): each test then loads the back-office once, on the page it is about.
      const response = await opened.context.request.post('/api/v1/auth/login', { data: { email, password } });
      expect(response.status(), `sign-in of ${email}`).toBe(200);
      await opened.page.goto(at);
      return opened;
    },
  };
  return journeys;
}

/** Types the credentials on the sign-in page and submits. */
export async function fillCredentials(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Zero serious or critical axe violations on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/**
 * The same check on the page behind the toasts, which are first closed with their « Fermer »
 * button. A toast on its way out is aria-hidden while still holding that button (Material's exit
 * animation), which axe flags; waiting for each toast to time out (4 to 8 s) instead took a good
 * part of a journey's time.
 */
export async function expectAccessibleBehindToasts(page: Page): Promise<void> {
  // The click event itself, in the page: a dialog's backdrop may cover the toast, and for its first
  // 150 ms its button is aria-hidden (not found by role).
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('mat-snack-bar-container button').forEach((close) => close.click()));
  await expect.poll(() => page.locator('mat-snack-bar-container').count(), { timeout: 15_000, interval: 50 }).toBe(0);
  await expectAccessible(page);
}

/**
 * Picks an option of a Material select, reopening it while its options are still loading. It opens
 * the select from the keyboard and by pointer in turn: a floating label can intercept a click on a
 * multiple select, and a click is what a slow first render sometimes needs. A panel that opens late
 * hides the dialog underneath from the accessibility tree (so the combobox cannot be found there):
 * an open panel is looked into before the select is opened again, and every step is bounded so
 * that such a miss moves on to the next attempt.
 */
export async function choose(page: Page, combobox: Locator, option: string | RegExp, exact = typeof option === 'string'): Promise<void> {
  const target = page.getByRole('option', { name: option, exact });
  for (let attempt = 0; attempt < 20; attempt += 1) {
    try {
      if (!(await optionsPanelOpen(page))) {
        if (attempt % 2 === 0) {
          await combobox.focus({ timeout: 5_000 });
          await page.keyboard.press('Enter');
        } else {
          await combobox.click({ timeout: 5_000 });
        }
      }
      await target.waitFor({ state: 'visible', timeout: 1_500 });
      await target.click({ timeout: 5_000 });
      return;
    } catch {
      await closeOptionsPanel(page);
    }
  }
  throw new Error(`The option "${String(option)}" never appeared`);
}

/** The transparent backdrop a select's options panel opens over the page (none when it is closed). */
function optionsPanelBackdrop(page: Page): Locator {
  return page.locator('.cdk-overlay-transparent-backdrop').last();
}

async function optionsPanelOpen(page: Page): Promise<boolean> {
  return (await optionsPanelBackdrop(page).count()) > 0;
}

/**
 * Closes a select's options panel if one is open, by its own transparent backdrop. Not by Escape:
 * a panel closing at that instant lets the key through to the dialog underneath, which closes.
 */
async function closeOptionsPanel(page: Page): Promise<void> {
  if (!(await optionsPanelOpen(page))) return;
  await optionsPanelBackdrop(page).click({ timeout: 1_000 }).catch(() => undefined);
}
