import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedEventsDemo } from '../../server/src/modules/events/index.js';
import { withOwnerClient, type Database } from '../../server/src/platform/db/index.js';
import { insertPerson } from '../../server/src/test/factories/crm-network.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { RHONE_MANAGER, choose, eventually, expectAccessible, expectAccessibleBehindToasts, useJourneys } from './harness/journeys.js';

/**
 * The events journeys through the real server and the production build of the back-office: the
 * Rhône manager creates a one-seat event, registers two contacts (the second waits), cancels the
 * first (the second gets the seat) and checks the promoted one in; filters the branch's events,
 * reads its iCalendar feed and exports an attendee list; meets a server refusal on its field.
 */
describe.skipIf(!chromiumAvailable)('events back-office in Chromium', { timeout: 300_000 }, () => {
  /** Two Rhône contacts, then the events demo (the Rhône's upcoming public breakfast registers both, its members' evening is past). */
  async function seedContacts(database: Database): Promise<void> {
    const rhone = await withOwnerClient(database, async (client) => (await client.query<{ id: string }>(`SELECT id FROM entities WHERE code = '69'`)).rows[0]!.id);
    await insertPerson(database, { entityId: rhone, firstName: 'Alice', lastName: 'Durand', emails: ['alice.durand@exemple.fr'] });
    await insertPerson(database, { entityId: rhone, firstName: 'Bruno', lastName: 'Lacroix', emails: ['bruno.lacroix@exemple.fr'] });
    await seedEventsDemo(database);
  }

  const { signedInPage } = useJourneys({ prepare: seedContacts });

  /** A day a month from now, as a datetime-local field takes it. */
  function inAMonth(time: string): string {
    const date = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    return `${date.toISOString().slice(0, 10)}T${time}`;
  }

  async function openCreateDialog(page: Page): Promise<Locator> {
    await page.getByRole('link', { name: 'Événements' }).first().click();
    await page.waitForURL(/\/events$/);
    await eventually(() => page.getByRole('heading', { name: 'Événements', level: 1 }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Nouvel événement' }).click();
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.getByRole('heading', { name: 'Nouvel événement' }).isVisible()).toBe(true);
    return dialog;
  }

  async function registerContact(page: Page, search: string, name: RegExp): Promise<void> {
    await page.getByRole('button', { name: 'Inscrire un contact' }).click();
    const dialog = page.getByRole('dialog');
    const contact = dialog.getByRole('combobox', { name: 'Contact' });
    await eventually(() => contact.isVisible()).toBe(true);
    await contact.pressSequentially(search);
    await page.getByRole('option', { name }).click();
    await dialog.getByRole('button', { name: 'Inscrire' }).click();
    await eventually(() => dialog.count()).toBe(0);
  }

  function row(page: Page, name: string): Locator {
    return page.getByRole('row').filter({ hasText: name });
  }

  it('fills a one-seat event, promotes the waiting contact when the first cancels and checks them in', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);

    // The list of the Rhône's events, with the branch's calendar feed, then the creation dialog.
    const dialog = await openCreateDialog(page);
    await expectAccessible(page);
    await dialog.getByLabel('Titre').fill('Atelier prévention des risques');
    await dialog.getByLabel('Description').fill('Document unique, pénibilité.\n\nAvec un ingénieur de la Carsat.');
    await dialog.getByLabel('Début').fill(inAMonth('09:00'));
    await dialog.getByLabel('Fin').fill(inAMonth('11:30'));
    await dialog.getByLabel('Lieu').fill('Union territoriale du Rhône');
    await dialog.getByLabel('Code postal').fill('69001');
    await dialog.getByLabel('Commune').fill('Lyon');
    await dialog.getByLabel('Nombre de places').fill('1');
    await choose(page, dialog.getByRole('combobox', { name: 'Visibilité' }), 'Public');
    await choose(page, dialog.getByRole('combobox', { name: 'Statut' }), 'Publié');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();

    // The event page.
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Atelier prévention des risques', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByTestId('event-status').textContent()).toBe('Publié');
    expect(await page.getByTestId('event-seats').textContent()).toBe('0 / 1');
    await expectAccessibleBehindToasts(page);

    // Two contacts for one seat: the second goes on the waiting list.
    await registerContact(page, 'Durand', /Alice Durand/);
    await eventually(() => page.getByTestId('registration-notice').textContent()).toContain('Alice Durand est inscrit(e).');
    await registerContact(page, 'Lacroix', /Bruno Lacroix/);
    await eventually(() => page.getByTestId('registration-notice').textContent()).toContain("Bruno Lacroix est sur la liste d'attente (n° 1)");
    await eventually(() => row(page, 'Bruno Lacroix').textContent()).toContain("Liste d'attente (n° 1)");
    await eventually(() => page.getByTestId('event-seats').textContent()).toBe('1 / 1 (+1 en attente)');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'events-registrations');

    // Alice cancels (confirmation dialog): Bruno gets the seat, and the page says so.
    await page.getByRole('button', { name: "Annuler l'inscription de Alice Durand" }).click();
    const confirm = page.getByRole('alertdialog');
    await eventually(() => confirm.isVisible()).toBe(true);
    await expectAccessible(page);
    await confirm.getByRole('button', { name: "Annuler l'inscription" }).click();
    await eventually(() => page.getByTestId('registration-notice').textContent()).toContain("Bruno Lacroix quitte la liste d'attente et obtient la place libérée");
    await eventually(() => row(page, 'Alice Durand').textContent()).toContain('Annulé');
    await eventually(() => row(page, 'Bruno Lacroix').textContent()).toContain('Inscrit');
    await eventually(() => page.getByTestId('event-seats').textContent()).toBe('1 / 1');
    await expectAccessibleBehindToasts(page);

    // Bruno is checked in at the door.
    await page.getByRole('button', { name: 'Pointer Bruno Lacroix présent' }).click();
    await eventually(() => page.getByTestId('registration-notice').textContent()).toContain('Bruno Lacroix est pointé(e) présent(e).');
    await eventually(() => row(page, 'Bruno Lacroix').textContent()).toContain('Présent');
    await expectAccessibleBehindToasts(page);

    // The registrations filtered on the waiting list: none left.
    await choose(page, page.getByRole('combobox', { name: "Statut de l'inscription" }), "Liste d'attente");
    await eventually(() => page.getByText('Aucune inscription ne correspond à ces critères.').isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await context.close();
  });

  it("lists the branch's events by period and visibility, gives its calendar feed and exports the attendees", async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);
    await page.getByRole('link', { name: 'Événements' }).first().click();
    await page.waitForURL(/\/events$/);
    const breakfast = page.getByRole('link', { name: 'Petit-déjeuner prévoyance', exact: true });
    const evening = page.getByRole('link', { name: 'Soirée des adhérents du Rhône' });
    await eventually(() => breakfast.isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // Past events only, then upcoming public ones.
    await choose(page, page.getByRole('combobox', { name: 'Période' }), 'Passés');
    await eventually(() => evening.isVisible()).toBe(true);
    await eventually(() => breakfast.count()).toBe(0);
    await choose(page, page.getByRole('combobox', { name: 'Période' }), 'À venir');
    await choose(page, page.getByRole('combobox', { name: 'Visibilité' }), 'Public');
    await eventually(() => breakfast.isVisible()).toBe(true);
    await eventually(() => evening.count()).toBe(0);
    await eventually(() => row(page, 'Petit-déjeuner prévoyance').textContent()).toContain('2 / 5');
    await choose(page, page.getByRole('combobox', { name: 'Visibilité' }), 'Réservé aux adhérents');
    await eventually(() => page.getByText('Aucun événement ne correspond à ces critères.').isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // The Rhône's public calendar feed, to copy; it carries the public breakfast, not the members' evening.
    const url = await page.getByLabel(/Calendrier iCalendar de/).inputValue();
    expect(url).toMatch(/\/api\/v1\/entities\/69\/events\.ics$/);
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    const ics = await (await page.request.get(url)).text();
    expect(ics).toContain('SUMMARY:Petit-déjeuner prévoyance');
    expect(ics).not.toContain('Soirée des adhérents');

    // The attendee export of the breakfast.
    await choose(page, page.getByRole('combobox', { name: 'Visibilité' }), 'Public');
    await breakfast.click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await eventually(() => row(page, 'Alice Durand').textContent()).toContain('Inscrit');
    await expectAccessibleBehindToasts(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('inscriptions-petit-dejeuner-prevoyance.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('alice.durand@exemple.fr');
    expect(csv).toContain('bruno.lacroix@exemple.fr');
    await context.close();
  });

  it('shows the server refusal of an end before the start on the end field', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);
    const dialog = await openCreateDialog(page);
    await dialog.getByLabel('Titre').fill('Réunion mal datée');
    await dialog.getByLabel('Début').fill(inAMonth('14:00'));
    await dialog.getByLabel('Fin').fill(inAMonth('10:00'));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => dialog.getByRole('alert').first().textContent()).toContain('Certains champs sont invalides');
    const end = dialog.locator('mat-form-field', { has: page.getByLabel('Fin', { exact: true }) });
    await eventually(() => end.locator('mat-error').textContent()).toContain("La fin de l'événement doit être postérieure à son début.");
    await expectAccessible(page);
    await screenshot(page, 'events-form-errors');
    await context.close();
  });
});
