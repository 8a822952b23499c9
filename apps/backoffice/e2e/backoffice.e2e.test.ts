import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { ADMIN, RHONE_MANAGER, choose, eventually, expectAccessible, fillCredentials, useJourneys } from './harness/journeys.js';
import { DEMO_PASSWORD } from './harness/server.js';

/**
 * Browser journeys through the real server and the production build of the back-office.
 * Skipped (with a notice) where Chromium is not installed; CI installs Debian's package.
 */
// Journeys are long on a shared machine (a real server on PGlite, a real browser): 3 minutes each.
describe.skipIf(!chromiumAvailable)('back-office in Chromium', { timeout: 180_000 }, () => {
  const journeys = useJourneys();
  const { newPage, signedInPage } = journeys;

  it('signs in with the keyboard only and lands where the user was going', async () => {
    const { context, page } = await newPage();
    await page.goto('/admin');
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fadmin/);
    await eventually(() => page.getByRole('heading', { name: 'Connexion au back-office' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'sign-in');

    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin$/);
    await eventually(() => page.getByRole('heading', { name: 'Administration', level: 1 }).isVisible()).toBe(true);
    await context.close();
  });

  it('explains a wrong password in French and stays on the sign-in page', async () => {
    const { context, page } = await newPage();
    await page.goto('/sign-in');
    await fillCredentials(page, ADMIN, 'not-the-password');
    await eventually(() => page.getByRole('alert').textContent()).toContain('Adresse e-mail ou mot de passe incorrect');
    await expectAccessible(page);
    await screenshot(page, 'sign-in-error');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('shows national staff the whole network in the branch switcher', async () => {
    const { context, page } = await signedInPage(ADMIN);
    const switcher = page.getByRole('combobox', { name: 'Entité de travail' });
    await eventually(() => switcher.inputValue()).toBe('Tout le réseau');
    await expectAccessible(page);
    await screenshot(page, 'dashboard');
    // The dark scheme follows the system preference and must stay readable too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await screenshot(page, 'dashboard-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await switcher.click();
    const options = page.getByRole('option');
    await eventually(() => options.count()).toBeGreaterThan(100);
    await switcher.fill('rhône');
    await eventually(() => options.allTextContents()).toContain('Union territoriale du Rhône');
    await screenshot(page, 'branch-switcher');
    await page.getByRole('option', { name: 'Union territoriale du Rhône' }).click();
    await eventually(() => switcher.inputValue()).toBe('Union territoriale du Rhône');
    // The choice survives a reload (local storage, per user).
    await page.reload();
    await eventually(() => page.getByRole('combobox', { name: 'Entité de travail' }).inputValue()).toBe('Union territoriale du Rhône');
    await context.close();
  });

  it.each([
    [RHONE_MANAGER, 'Union territoriale du Rhône'],
    ['manager.75@maillage.test', 'Union territoriale de Paris'],
  ])('shows %s only their own branch in the switcher', async (email, branch) => {
    const { context, page } = await newPage();
    await page.goto('/sign-in');
    await fillCredentials(page, email);
    await page.waitForURL(/\/dashboard$/);
    const switcher = page.getByRole('combobox', { name: 'Entité de travail' });
    await eventually(() => switcher.inputValue()).toBe(branch);
    await switcher.click();
    await eventually(() => page.getByRole('option').allTextContents()).toEqual([branch]);
    await page.keyboard.press('Escape');
    await expectAccessible(page);
    await context.close();
  });

  it('sends the user back to sign-in when the session ends, then back to the page', async () => {
    const { context, page } = await signedInPage(ADMIN);
    await page.getByRole('link', { name: 'Administration', exact: true }).click();
    await page.waitForURL(/\/admin$/);
    // The session disappears server-side (expiry, revocation): the next API call answers 401.
    await context.clearCookies();
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fadmin%2Fusers/);
    await eventually(() => page.getByText('Votre session a expiré').isVisible()).toBe(true);
    await fillCredentials(page, ADMIN);
    await page.waitForURL(/\/admin\/users$/);
    await context.close();
  });

  it('signs out from the account menu', async () => {
    const { context, page } = await signedInPage(ADMIN);
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto('/dashboard');
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fdashboard/);
    await context.close();
  });

  it('lets the national admin create a user, grant a role and find both in the audit trail', async () => {
    const { context, page } = await signedInPage(ADMIN);

    await page.getByRole('link', { name: 'Administration', exact: true }).click();
    await page.waitForURL(/\/admin$/);
    await expectAccessible(page);
    await screenshot(page, 'admin');

    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await eventually(() => page.getByRole('link', { name: 'Gestionnaire du Rhône' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'users');

    // Create a user homed in the Rhône.
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Camille Martin');
    await dialog.getByLabel('Adresse e-mail').fill('camille.martin@maillage.test');
    await choose(page, dialog.getByRole('combobox', { name: 'Rattachement' }), 'Union territoriale du Rhône', false);
    await eventually(() => dialog.getByRole('combobox', { name: 'Rattachement' }).textContent()).toContain('Union territoriale du Rhône');
    await expectAccessible(page);
    // Wait for the account's creation itself: the URL changes only once its 201 has been read.
    const creation = page.waitForResponse((response) => response.url().endsWith('/api/v1/users') && response.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Créer le compte' }).click();
    expect((await creation).status()).toBe(201);
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Camille Martin' }).isVisible()).toBe(true);
    expect((await page.getByTestId('temporary-password').textContent())?.trim().length).toBeGreaterThan(8);

    // Grant her the manager role on the Rhône.
    await choose(page, page.getByRole('combobox', { name: 'Rôle' }), 'Gestionnaire', true);
    await choose(page, page.getByRole('combobox', { name: 'Entité', exact: true }), 'Union territoriale du Rhône', false);
    await page.getByRole('button', { name: 'Accorder' }).click();
    await eventually(() => page.getByRole('cell', { name: 'Gestionnaire' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'user-detail');

    // Both actions are in the audit trail, with the created fields in the diff view.
    await page.goto('/admin/audit?filter%5Baction%5D%5Bcontains%5D=identity');
    await eventually(() => page.getByRole('cell', { name: 'identity.grant.created' }).count()).toBeGreaterThan(0);
    await eventually(() => page.getByRole('cell', { name: 'identity.user.created' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'audit');
    await page.getByRole('button', { name: /Détails de l'événement identity\.user\.created/ }).first().click();
    const diff = page.getByRole('dialog');
    await eventually(() => diff.textContent()).toContain('camille.martin@maillage.test');
    await expectAccessible(page);
    await screenshot(page, 'audit-diff');
    await diff.getByRole('button', { name: 'Fermer' }).click();

    // Deactivate the account again.
    await page.goto('/admin/users?search=camille');
    await page.getByRole('link', { name: 'Camille Martin' }).click();
    await page.getByRole('button', { name: 'Désactiver' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Désactiver' }).click();
    await eventually(() => page.getByText('Désactivé', { exact: true }).isVisible()).toBe(true);
    await context.close();
  });

  it('edits an entity: server field errors land on the field, then the change is saved', async () => {
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/entities' });
    await page.getByLabel('Filtrer').fill('rhône');
    await page.getByRole('button', { name: /Union territoriale du Rhône/ }).click();
    await eventually(() => page.getByRole('heading', { name: 'Union territoriale du Rhône' }).isVisible()).toBe(true);
    // Nine digits pass the browser's check; the Luhn check digit is the server's rule.
    await page.getByLabel('SIREN').fill('123456789');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => page.getByText('This SIREN is not valid').first().isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'entities');
    await page.getByLabel('SIREN').fill('');
    await page.getByLabel('Commune').fill('Lyon');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => page.getByText('Modifications enregistrées.').isVisible()).toBe(true);

    // The flat list: server sort and filter in the URL, CSV export.
    await page.getByRole('radio', { name: 'Liste' }).click();
    await page.getByLabel('Nom contient').fill('Rhône');
    await page.getByLabel('Nom contient').press('Enter');
    await page.waitForURL(/filter%5Bname%5D%5Bcontains%5D=Rh/);
    await eventually(() => page.getByRole('cell', { name: 'Lyon' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'entities-list');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('reseau.csv');
    await context.close();
  });

  it('works the data table from the keyboard alone: sort and next page', async () => {
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/entities' });
    await page.getByRole('radio', { name: 'Liste' }).click();
    const table = page.getByRole('table');
    await eventually(() => table.getByRole('row').count()).toBeGreaterThan(2);
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    /** Presses Tab until the focused element reads `text`: what the mouse reaches, Tab reaches. */
    async function tabTo(text: RegExp): Promise<void> {
      for (let presses = 0; presses < 200; presses += 1) {
        await page.keyboard.press('Tab');
        if (text.test(await focusedText())) return;
      }
      throw new Error(`Tab never reached ${text}`);
    }

    await tabTo(/^Nom$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=-?name/);
    // While a page loads « Suivant » stays focusable but inactive (aria-disabled): wait for the sorted page.
    await eventually(() => table.getAttribute('aria-busy')).toBe('false');
    await tabTo(/^Suivant$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/cursor=/);
    const secondPageUrl = page.url();
    // The focus stays on « Suivant » while and after the page loads: the user pages on with Enter.
    await eventually(() => table.getAttribute('aria-busy')).toBe('false');
    expect(await focusedText()).toBe('Suivant');
    expect(page.url()).toBe(secondPageUrl);
    await context.close();
  });

  it('shows the job queues to the national admin', async () => {
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/jobs' });
    await eventually(() => page.getByRole('heading', { name: 'Files d\'attente' }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('heading', { name: 'Échecs' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'jobs');
    await context.close();
  });

  it('shows roles, feature flags and personal access tokens; a token is shown once and can be revoked', async () => {
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/roles' });
    await eventually(() => page.getByText('Gestionnaire', { exact: true }).first().isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'roles');

    await page.goto('/admin/flags');
    await eventually(() => page.getByRole('heading', { name: 'Fonctionnalités' }).isVisible()).toBe(true);
    await eventually(() => page.locator('mx-loading-state').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'feature-flags');

    await page.goto('/admin/tokens');
    await page.getByRole('button', { name: "Nouveau jeton d'accès" }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Synchronisation annuaire');
    await dialog.getByRole('combobox', { name: 'Permissions' }).click();
    await page.getByRole('option', { name: 'entities.read', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Créer le jeton' }).click();
    await eventually(async () => (await page.getByTestId('token-secret').textContent())?.startsWith('mlg_')).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'tokens');
    await page.getByRole('button', { name: 'Révoquer' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Révoquer' }).click();
    await eventually(() => page.getByRole('cell', { name: 'Révoqué' }).count()).toBe(1);
    await context.close();
  });

  it('serves the SPA shell for deep links, and problem+json for unknown API paths', async () => {
    const deep = await fetch(`${journeys.server.baseUrl}/admin/users?sort=name`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toContain('<mx-root>');
    const api = await fetch(`${journeys.server.baseUrl}/api/v1/does-not-exist`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});
