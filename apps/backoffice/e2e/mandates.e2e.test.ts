import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { raiseMandateExpiryTasks } from '../../server/src/modules/mandates/index.js';
import { withOwnerClient, type Database } from '../../server/src/platform/db/index.js';
import { insertPerson } from '../../server/src/test/factories/crm-network.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { RHONE_MANAGER, choose, eventually, expectAccessibleBehindToasts, useJourneys } from './harness/journeys.js';

const BODY = "Conseil de prud'hommes de Villefranche-sur-Saône";
const SEAT = 'Collège employeurs — section commerce';
const HOLDER = 'Camille Vernay';

/** Calendar dates as the server counts them (UTC). */
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The mandates journey through the real server and the production build of the back-office: the
 * Rhône manager declares a body and a titular seat, designates a CRM contact until a date within
 * 90 days, sees it expiring and the seat filled, works the follow-up task the daily job raised,
 * ends the mandate from the task's link and sees the seat vacant again.
 */
describe.skipIf(!chromiumAvailable)('mandates and tasks back-office in Chromium', { timeout: 600_000 }, () => {
  async function addHolder(database: Database): Promise<void> {
    const rhone = await withOwnerClient(database, async (client) => (await client.query<{ id: string }>(`SELECT id FROM entities WHERE code = '69'`)).rows[0]!.id);
    await insertPerson(database, { entityId: rhone, firstName: 'Camille', lastName: 'Vernay' });
  }

  const journeys = useJourneys({ prepare: addHolder });

  const report = (page: Page, heading: string) => page.locator('section.report', { has: page.getByRole('heading', { name: heading, level: 2 }) });
  const vacantSeats = (page: Page) => report(page, 'Sièges vacants');
  const expiringSoon = (page: Page) => report(page, 'Mandats qui expirent bientôt (90 jours)');

  it('declares a body and a seat, designates, follows the expiry task, ends the mandate and sees the seat vacant again', async () => {
    const { context, page } = await journeys.signedInPage(RHONE_MANAGER);

    // The module from the side navigation, on its mandates tab.
    await page.getByRole('link', { name: 'Mandats' }).first().click();
    await page.waitForURL(/\/mandates\/list$/);
    await eventually(() => page.getByRole('heading', { name: 'Mandats', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByText('Aucun mandat ne correspond à ces critères.').isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // A body, then its titular seat.
    await page.getByRole('tab', { name: 'Instances' }).click();
    await page.waitForURL(/\/mandates\/bodies$/);
    await page.getByRole('button', { name: 'Nouvelle instance' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom', { exact: true }).fill(BODY);
    await choose(page, dialog.getByRole('combobox', { name: "Type d'instance" }), "Conseil de prud'hommes");
    await dialog.getByLabel('Département (facultatif)').fill('69');
    // The body is the Rhône's: only its staff (and national staff above it) may correct it.
    await eventually(() => dialog.getByRole('combobox', { name: 'Structure propriétaire' }).textContent()).toContain('Rhône');
    await expectAccessibleBehindToasts(page);
    await dialog.getByRole('button', { name: "Enregistrer l'instance" }).click();
    await page.waitForURL(/\/mandates\/bodies\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: BODY, level: 1 }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nouveau siège' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Libellé').fill(SEAT);
    await eventually(() => dialog.getByRole('combobox', { name: 'Structure' }).textContent()).toContain('Rhône');
    await dialog.getByRole('button', { name: 'Enregistrer le siège' }).click();
    await eventually(() => page.getByRole('row').filter({ hasText: SEAT }).textContent()).toContain('Titulaire');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'mandates-body');

    // A second body of the same name: the server's refusal lands on the name field.
    await page.getByRole('tab', { name: 'Instances' }).click();
    await page.waitForURL(/\/mandates\/bodies$/);
    await eventually(() => page.getByRole('link', { name: BODY }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nouvelle instance' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom', { exact: true }).fill(BODY);
    await choose(page, dialog.getByRole('combobox', { name: "Type d'instance" }), 'Autre instance');
    await dialog.getByRole('button', { name: "Enregistrer l'instance" }).click();
    await eventually(() => dialog.locator('mat-form-field', { has: page.getByLabel('Nom', { exact: true }) }).locator('mat-error').textContent()).toContain('Une instance porte déjà ce nom.');
    await expectAccessibleBehindToasts(page);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);

    // The seat is vacant.
    await page.getByRole('tab', { name: 'Rapports' }).click();
    await page.waitForURL(/\/mandates\/reports$/);
    await eventually(() => vacantSeats(page).getByRole('row').filter({ hasText: SEAT }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // Designate the contact; a period ending before it starts is refused on the end date's field.
    await page.getByRole('tab', { name: 'Mandats' }).click();
    await page.waitForURL(/\/mandates\/list$/);
    await page.getByRole('button', { name: 'Nouveau mandat' }).click();
    dialog = page.getByRole('dialog');
    await choose(page, dialog.getByRole('combobox', { name: 'Siège' }), new RegExp(SEAT));
    await dialog.getByLabel('Mandataire').fill('Vern');
    await page.getByRole('option', { name: HOLDER }).click();
    await dialog.getByLabel('Premier jour').fill('2024-01-01');
    await dialog.getByLabel('Dernier jour du mandat').fill('2023-12-31');
    await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    const endField = dialog.locator('mat-form-field', { has: page.getByLabel('Dernier jour du mandat') });
    await eventually(() => endField.locator('mat-error').textContent()).toContain('postérieure ou égale à la date de début');
    await expectAccessibleBehindToasts(page);
    await dialog.getByLabel('Dernier jour du mandat').fill(isoDay(30));
    await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await eventually(() => page.getByRole('row').filter({ hasText: HOLDER }).textContent()).toContain('En vigueur');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'mandates-list');

    // It expires soon, and the seat is no longer vacant.
    await page.getByRole('tab', { name: 'Rapports' }).click();
    await eventually(() => expiringSoon(page).getByRole('row').filter({ hasText: HOLDER }).isVisible()).toBe(true);
    await eventually(() => vacantSeats(page).getByText('Tous les sièges sont pourvus.').isVisible()).toBe(true);
    await eventually(() => report(page, 'Synthèse par instance').getByRole('row').filter({ hasText: BODY }).textContent()).toMatch(/1\s*1\s*0\s*$/);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'mandates-reports');

    // The daily job raises the follow-up task; the tasks screen lists it and links to the mandate.
    expect(await raiseMandateExpiryTasks(journeys.server.database)).toEqual({ raised: 1 });
    await page.getByRole('link', { name: 'Tâches' }).first().click();
    await page.waitForURL(/\/tasks$/);
    await eventually(() => page.getByRole('heading', { name: 'Tâches', level: 1 }).isVisible()).toBe(true);
    const task = page.getByRole('row').filter({ hasText: `Mandat de ${HOLDER}` });
    await eventually(() => task.isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'tasks');
    await task.getByRole('link', { name: 'Mandat' }).click();
    await page.waitForURL(/\/mandates\/list\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: `Mandat de ${HOLDER}`, level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // End it yesterday: the seat is vacant from today, and the mandate no longer expires soon.
    await page.getByRole('button', { name: 'Terminer le mandat' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('Dernier jour du mandat').fill(isoDay(-1));
    await expectAccessibleBehindToasts(page);
    await dialog.getByRole('button', { name: 'Terminer le mandat' }).click();
    await eventually(() => page.getByTestId('mandate-period').textContent()).toContain(isoDay(-1).split('-').reverse().join('/'));
    await expect.poll(() => page.getByRole('button', { name: 'Terminer le mandat' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Rapports' }).click();
    await page.waitForURL(/\/mandates\/reports$/);
    await eventually(() => vacantSeats(page).getByRole('row').filter({ hasText: SEAT }).isVisible()).toBe(true);
    await eventually(() => expiringSoon(page).getByText("Aucun mandat n'expire dans les 90 jours.").isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // The task is done: it leaves the list to do for the « Terminées » one.
    await page.getByRole('link', { name: 'Tâches' }).first().click();
    await page.waitForURL(/\/tasks$/);
    await eventually(() => task.isVisible()).toBe(true);
    await task.getByRole('button', { name: 'Marquer comme faite' }).click();
    await eventually(() => page.getByText('Aucune tâche à faire.').isVisible()).toBe(true);
    await page.getByRole('radio', { name: 'Terminées' }).click();
    await page.waitForURL(/\/tasks\?.*state=done/);
    await eventually(() => task.textContent()).toContain('Terminée');
    await expectAccessibleBehindToasts(page);
    await context.close();
  });
});
