import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedMembershipsDemo } from '../../server/src/modules/membership/index.js';
import { newId, withOwnerClient, type Database } from '../../server/src/platform/db/index.js';
import { insertCompany } from '../../server/src/test/factories/membership.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { RHONE_MANAGER, eventually, expectAccessible as expectAxeClean, useJourneys } from './harness/journeys.js';

/**
 * The membership journey through the real server and the production build of the back-office: the
 * Rhône manager runs the renewal campaign for next year, opens an issued invoice, records a payment
 * and downloads the invoice PDF.
 *
 * Members are live memberships, which only the daily job activates: they come from the memberships
 * demo seed (which also gives the Rhône its legal identity), run before the server boots.
 */
describe.skipIf(!chromiumAvailable)('membership back-office in Chromium', { timeout: 240_000 }, () => {
  const NEXT_YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date())) + 1;

  /** Three Rhône member companies from the « CRM demo » (links with status member), then the memberships demo seed. */
  async function seedMembers(database: Database): Promise<void> {
    const rhone = await withOwnerClient(database, async (client) => (await client.query<{ id: string }>(`SELECT id FROM entities WHERE code = '69'`)).rows[0]!.id);
    for (const name of ['Soierie Gadagne', 'Imprimerie des Terreaux', 'Brasserie Saint-Jean']) {
      const organizationId = await insertCompany(database, name);
      await withOwnerClient(database, (client) =>
        client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by, status) VALUES ($1, $2, $3, 'manual', 'member')`, [newId(), organizationId, rhone]),
      );
    }
    await seedMembershipsDemo(database);
    // A company that is not a member yet, to join from the back-office.
    await insertCompany(database, 'Garage de Vaise');
  }

  const { signedInPage } = useJourneys({ prepare: seedMembers });

  async function expectAccessible(page: Page): Promise<void> {
    // Let a toast leave first (see crm.e2e.test.ts): axe judges the page, not the exit animation.
    await expect.poll(() => page.locator('mat-snack-bar-container').count(), { timeout: 15_000, interval: 100 }).toBe(0);
    await expectAxeClean(page);
  }

  it('runs the Rhône renewal campaign, records a payment on an issued invoice, downloads its PDF and credits another', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);

    // The members list, from the side navigation.
    await page.getByRole('link', { name: 'Adhésions' }).first().click();
    await page.waitForURL(/\/memberships\/list$/);
    await eventually(() => page.getByRole('heading', { name: 'Adhérents', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('link', { name: 'Imprimerie des Terreaux' }).isVisible()).toBe(true);
    await expectAccessible(page);

    // Launch the campaign for next year and watch the progress bar reach the end.
    await page.getByRole('tab', { name: 'Campagnes de renouvellement' }).click();
    await page.waitForURL(/\/memberships\/campaigns$/);
    await eventually(() => page.getByRole('heading', { name: 'Lancer une campagne', level: 2 }).isVisible()).toBe(true);
    await eventually(() => page.getByLabel('Structure').textContent()).toContain('Rhône');
    await page.getByLabel('Année').fill(String(NEXT_YEAR));
    await page.getByLabel("Date d'échéance").fill(`${NEXT_YEAR}-01-31`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lancer la campagne' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Émission des factures de renouvellement' });
    await eventually(() => progress.textContent()).toContain('Terminé');
    // Three members: the first is honorary (free, skipped), the two others get an invoice.
    await eventually(() => page.locator('dl.counts').textContent()).toMatch(/Adhérents à renouveler\s*3.*Factures émises\s*2.*Ignorés\s*1.*Échecs\s*0/s);
    await expectAccessible(page);
    await screenshot(page, 'membership-campaign');

    // The issued invoices; open one.
    await page.getByRole('link', { name: 'Voir les factures émises' }).click();
    await page.waitForURL(/\/memberships\/invoices\?/);
    const invoiceLink = page.getByRole('link', { name: /^COT-/ }).first();
    await eventually(() => invoiceLink.isVisible()).toBe(true);
    await expectAccessible(page);
    const number = (await invoiceLink.textContent())!.trim();
    await invoiceLink.click();
    await page.waitForURL(/\/memberships\/invoices\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: `Facture ${number}`, level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByText(`Cotisation ${NEXT_YEAR}`).first().isVisible()).toBe(true);
    await expectAccessible(page);

    // A partial payment by cheque, typed in euros with a comma.
    const balance = await page.getByTestId('invoice-balance').textContent();
    await page.getByLabel('Montant').fill('abc');
    await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await eventually(() => page.getByText('Saisissez un montant en euros').isVisible()).toBe(true);
    const paymentForm = page.locator('form', { has: page.getByRole('heading', { name: 'Enregistrer un règlement' }) });
    await page.getByLabel('Montant').fill('100,50');
    await page.getByLabel('Référence (facultatif)').fill('Chèque n° 4521');
    const method = paymentForm.getByRole('combobox', { name: 'Mode de règlement' });
    await method.click();
    await page.getByRole('option', { name: 'Chèque' }).click();
    await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await eventually(() => page.getByTestId('invoice-status').textContent()).toBe('Partiellement réglée');
    await eventually(() => page.getByText(/Chèque — 100,50\s€ \(Chèque n° 4521\)/).isVisible()).toBe(true);
    expect(await page.getByTestId('invoice-balance').textContent()).not.toBe(balance);
    // The form is emptied for the next payment, without errors on the emptied fields.
    await eventually(() => page.getByLabel('Montant').inputValue()).toBe('');
    expect(await paymentForm.locator('mat-error').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'membership-invoice');

    // The PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The other invoice is cancelled by a credit note (confirmation dialog), which then opens.
    await page.goto('/memberships/invoices?filter%5Bstatus%5D=issued');
    const other = page.getByRole('link', { name: /^COT-/ }).first();
    await eventually(() => other.textContent()).not.toBe(number);
    await other.click();
    await eventually(() => page.getByRole('button', { name: 'Établir un avoir' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Établir un avoir' }).click();
    const dialog = page.getByRole('alertdialog');
    await eventually(() => dialog.isVisible()).toBe(true);
    await expectAxeClean(page);
    await dialog.getByRole('button', { name: 'Établir un avoir' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Avoir /);
    await eventually(() => page.getByRole('link', { name: 'Ouvrir' }).isVisible()).toBe(true); // the credited invoice
    await expectAccessible(page);

    // The overdue list answers (nothing is due yet).
    await page.getByRole('tab', { name: 'Impayés' }).click();
    await page.waitForURL(/\/memberships\/overdue$/);
    await eventually(() => page.getByRole('heading', { name: 'Factures impayées échues', level: 1 }).isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it('shows dues schedule errors on their fields, joins a company with its invoice, and cancels the membership with a reason', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);

    // This year's schedule (seeded): a second default rate overlaps the first one; the server says so on the field.
    await page.goto('/memberships/dues');
    await eventually(() => page.getByLabel('Montant (tarif n° 1)').inputValue()).toBe('180,00');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ajouter un tarif' }).click();
    const count = await page.getByRole('row').count();
    const last = count - 1; // the header row is row 0
    await page.getByLabel(`Montant (tarif n° ${last})`).fill('12');
    await page.getByRole('button', { name: 'Enregistrer le barème' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('Le barème contient des erreurs');
    await eventually(() => page.locator('mat-form-field', { has: page.getByLabel(`Montant (tarif n° ${last})`) }).locator('mat-error').textContent()).toContain('recoupe le tarif n° 1');
    await expectAccessible(page);
    await screenshot(page, 'membership-dues-errors');

    // Join a company picked from the network search, with its join invoice.
    await page.goto('/memberships/list/new');
    await eventually(() => page.getByRole('heading', { name: 'Nouvelle adhésion', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByLabel('Structure').textContent()).toContain('Rhône');
    await page.getByLabel('Entreprise').pressSequentially('garage vaise');
    await page.getByRole('option', { name: /Garage de Vaise/ }).click();
    await page.getByRole('combobox', { name: 'Type de membre' }).click();
    await page.getByRole('option', { name: 'Adhérent', exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: "Enregistrer l'adhésion" }).click();
    await page.waitForURL(/\/memberships\/list\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Garage de Vaise — Adhérent', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.locator('dl.facts').textContent()).toContain('En attente de règlement');
    await eventually(() => page.getByRole('link', { name: 'Ouvrir' }).isVisible()).toBe(true); // the join invoice
    await expectAccessible(page);

    // Cancel it: the reason is required, then the history shows the cancellation.
    await page.getByRole('button', { name: 'Résilier' }).click();
    await eventually(() => page.getByText('Ce champ est obligatoire.').isVisible()).toBe(true);
    await page.getByLabel('Motif de résiliation').fill("Cessation d'activité");
    await page.getByRole('button', { name: 'Résilier' }).click();
    await eventually(() => page.locator('dl.facts').textContent()).toContain('Résiliée');
    await eventually(() => page.locator('ol.history').textContent()).toContain("Cessation d'activité");
    await expectAccessible(page);
    await context.close();
  });
});
