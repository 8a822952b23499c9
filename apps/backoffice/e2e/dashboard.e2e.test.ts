import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withOwnerClient, type Database } from '../../server/src/platform/db/index.js';
import { seedDashboardFigures } from '../../server/src/test/factories/dashboard.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { ADMIN, RHONE_MANAGER, eventually, expectAccessible, useJourneys } from './harness/journeys.js';

/**
 * The dashboard through the real server and the production build: the figures of the small known
 * data set (test/factories/dashboard.ts) as cards, charts and their tables, for the Rhône manager,
 * then for national staff as the branch switcher moves from the whole network to Paris.
 */
describe.skipIf(!chromiumAvailable)('dashboard in Chromium', { timeout: 180_000 }, () => {
  async function prepare(database: Database): Promise<void> {
    const ids = await withOwnerClient(database, async (client) => {
      const { rows } = await client.query<{ code: string; id: string }>(`SELECT code, id FROM entities WHERE code IN ('69', '75')`);
      return Object.fromEntries(rows.map((row) => [row.code, row.id]));
    });
    await seedDashboardFigures(database, ids['69']!, ids['75']!);
  }
  const { signedInPage } = useJourneys({ prepare });

  const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).textContent();

  it('shows the Rhône manager their figures, charts and the tables behind them', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);
    await eventually(() => figure(page, 'active-members')).toBe('3');
    expect(await figure(page, 'renewal-rate')).toContain('50');
    expect(await figure(page, 'dues-collected')).toContain('120,00');
    expect(await figure(page, 'overdue')).toContain('200,00');
    expect(await figure(page, 'upcoming-events')).toBe('2');
    expect(await figure(page, 'mandates-ending')).toBe('1');
    // Four charts, each with its caption and its table.
    await eventually(() => page.locator('canvas[role="img"]').count()).toBe(4);
    for (const caption of ['Adhésions par statut', 'Cotisations facturées et encaissées', 'Remplissage des prochains événements', 'Mandats arrivant à échéance par mois']) {
      expect(await page.getByRole('figure', { name: caption }).isVisible()).toBe(true);
    }
    const eventsTable = page.getByRole('table', { name: 'Remplissage des prochains événements' });
    expect(await eventsTable.getByRole('row').filter({ hasText: 'Assemblée générale' }).textContent()).toContain('40');
    expect(await page.getByText('Petit-déjeuner').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'dashboard-figures');
    await context.close();
  });

  it('follows the branch switcher for national staff', async () => {
    const { context, page } = await signedInPage(ADMIN);
    const switcher = page.getByRole('combobox', { name: 'Entité de travail' });
    await eventually(() => switcher.inputValue()).toBe('Tout le réseau');
    await eventually(() => figure(page, 'active-members')).toBe('5');
    expect(await figure(page, 'upcoming-events')).toBe('3');

    await switcher.click();
    await switcher.fill('paris');
    await page.getByRole('option', { name: 'Union territoriale de Paris' }).click();
    await eventually(() => figure(page, 'active-members')).toBe('2');
    await eventually(() => figure(page, 'dues-collected')).toContain('80,00');
    expect(await figure(page, 'upcoming-events')).toBe('1');
    const eventsTable = page.getByRole('table', { name: 'Remplissage des prochains événements' });
    expect(await eventsTable.getByText('Petit-déjeuner').count()).toBe(1);
    expect(await eventsTable.getByText('Assemblée générale').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});
