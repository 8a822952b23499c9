import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withOwnerClient, type Database } from '../../server/src/platform/db/index.js';
import { insertContent, insertSite } from '../../server/src/test/factories/cms-delivery.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { RHONE_MANAGER, choose, eventually, expectAccessible, useJourneys } from './harness/journeys.js';

async function seedSites(database: Database): Promise<void> {
  const entityId = async (code: string) => withOwnerClient(database, async (client) => (await client.query<{ id: string }>('SELECT id FROM entities WHERE code = $1', [code])).rows[0]!.id);
  const rhone = await entityId('69');
  const rhoneSiteId = await insertSite(database, { entityId: rhone, slug: 'union-rhone', name: 'Union du Rhône' });
  await insertSite(database, { entityId: await entityId('75'), slug: 'union-paris', name: 'Union de Paris' });
  await insertContent(database, { siteId: rhoneSiteId, entityId: rhone, kind: 'page', slug: 'qui-sommes-nous', title: 'Qui sommes-nous ?' });
  await insertContent(database, { siteId: rhoneSiteId, entityId: rhone, kind: 'page', slug: 'adherer', title: 'Adhérer' });
}

/**
 * Site administration in Chromium: a branch manager changes the settings (a taken slug is refused
 * on its field), creates a category, builds the main menu (a page and the category, reordered) and
 * sees it on the public site; then picks a logo uploaded to the media library and builds a two-level
 * menu with the keyboard-reachable buttons, and finds both on the public site. Axe checks each tab.
 */
describe.skipIf(!chromiumAvailable)('CMS site administration in Chromium', { timeout: 240_000 }, () => {
  const { signedInPage } = useJourneys({ prepare: seedSites });

  it('a manager edits the settings, a category and the main menu, and the public site follows', async () => {
    const { page } = await signedInPage(RHONE_MANAGER, { at: '/cms' });
    await eventually(() => page.getByRole('link', { name: 'Administrer le site' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Administrer le site' }).click();
    await page.waitForURL(/\/cms\/sites\/.+\/settings$/);
    await eventually(() => page.getByLabel('Nom du site').inputValue()).toBe('Union du Rhône');
    await expectAccessible(page);

    // Settings: another site's slug is refused on the field; a valid change is saved.
    await page.getByLabel('Identifiant (adresse /sites/…)').fill('union-paris');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await eventually(() => page.getByText('Un autre site utilise déjà cet identifiant.').isVisible()).toBe(true);
    await page.getByLabel('Identifiant (adresse /sites/…)').fill('union-rhone');
    await page.getByLabel('Couleur principale').fill('#7a1f3d');
    await page.getByLabel('Texte du pied de page').fill('Union du Rhône – 12 quai Perrache, Lyon');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await eventually(() => page.getByText('Réglages du site enregistrés.').isVisible()).toBe(true);

    // Categories: create one.
    await page.getByRole('tab', { name: 'Catégories' }).click();
    await page.waitForURL(/\/categories$/);
    await page.getByLabel('Nom', { exact: true }).fill('Vie syndicale');
    await page.getByRole('button', { name: 'Créer la catégorie' }).click();
    await eventually(() => page.getByRole('cell', { name: '/categories/vie-syndicale' }).isVisible()).toBe(true);
    await expectAccessible(page);

    // Menus: a page and the category, then the category moved first.
    await page.getByRole('tab', { name: 'Menus' }).click();
    await page.waitForURL(/\/menus$/);
    await page.getByLabel('Libellé').fill('Qui sommes-nous');
    await choose(page, page.getByRole('combobox', { name: 'Page', exact: true }), 'Qui sommes-nous ?');
    await page.getByRole('button', { name: "Ajouter l'entrée" }).click();
    await eventually(() => page.getByRole('button', { name: 'Retirer « Qui sommes-nous »' }).isVisible()).toBe(true);
    await page.getByLabel('Libellé').fill('Nos actualités syndicales');
    await choose(page, page.getByRole('combobox', { name: 'Destination' }), 'Une catégorie d\'actualités');
    await choose(page, page.getByRole('combobox', { name: 'Catégorie' }), 'Vie syndicale');
    await page.getByRole('button', { name: "Ajouter l'entrée" }).click();
    await eventually(() => page.getByRole('button', { name: 'Monter « Nos actualités syndicales »' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Monter « Nos actualités syndicales »' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer les menus' }).click();
    await eventually(() => page.getByText('Menus enregistrés : le site public est à jour.').isVisible()).toBe(true);
    await screenshot(page, 'cms-site-menus');

    // The public site shows the menu in that order, the theme and the footer text.
    const publicPage = await page.context().newPage();
    await publicPage.goto('/sites/union-rhone');
    const nav = publicPage.getByRole('navigation', { name: 'Navigation principale' });
    await eventually(async () => nav.getByRole('link').allTextContents()).toEqual(['Nos actualités syndicales', 'Qui sommes-nous']);
    expect(await nav.getByRole('link', { name: 'Nos actualités syndicales' }).getAttribute('href')).toBe('/sites/union-rhone/categories/vie-syndicale');
    expect(await publicPage.getByRole('contentinfo').textContent()).toContain('12 quai Perrache');
    await expectAccessible(publicPage);
    await publicPage.getByRole('link', { name: 'Nos actualités syndicales' }).click();
    await eventually(() => publicPage.getByRole('heading', { name: 'Vie syndicale', level: 1 }).isVisible()).toBe(true);

    // The page tree: « Adhérer » moved above « Qui sommes-nous ? ».
    await page.getByRole('tab', { name: 'Arborescence' }).click();
    await page.waitForURL(/\/pages$/);
    await eventually(() => page.getByRole('button', { name: 'Monter la page « Qui sommes-nous ? »' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Monter la page « Qui sommes-nous ? »' }).click();
    await eventually(() => page.getByRole('button', { name: 'Monter la page « Qui sommes-nous ? »' }).isDisabled()).toBe(true);
    await expectAccessible(page);
  });

  it('a manager picks the logo from the media library and builds a two-level menu, and the public site shows both', async () => {
    const { page } = await signedInPage(RHONE_MANAGER);
    // The logo goes through the media library first (with its alt text).
    await page.goto('/cms/media');
    await eventually(() => page.getByRole('heading', { name: 'Médiathèque', level: 1 }).isVisible()).toBe(true);
    const png = await sharp({ create: { width: 240, height: 80, channels: 3, background: '#7a1f3d' } }).png().toBuffer();
    await page.getByLabel('Fichier (image, PDF, document)').setInputFiles({ name: 'logo-rhone.png', mimeType: 'image/png', buffer: png });
    await page.getByLabel('Texte alternatif (obligatoire)').fill('Logo de l’Union du Rhône');
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await eventually(() => page.getByRole('cell', { name: 'Logo de l’Union du Rhône' }).isVisible()).toBe(true);

    await page.goto('/cms');
    await page.getByRole('link', { name: 'Administrer le site' }).click();
    await page.waitForURL(/\/cms\/sites\/.+\/settings$/);
    await eventually(() => page.getByRole('button', { name: 'Choisir un logo dans la médiathèque' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Choisir un logo dans la médiathèque' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /logo-rhone/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Utiliser comme logo' }).click();
    await eventually(() => page.getByRole('img', { name: 'Aperçu du logo' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await eventually(() => page.getByText('Réglages du site enregistrés.').isVisible()).toBe(true);
    await eventually(() => page.getByRole('button', { name: 'Retirer le logo' }).isVisible()).toBe(true);

    // Menus: « Notre union » with « Adhérer » under it (added as a sub-entry), then « Contact »
    // added at the top level, indented under « Notre union » and moved above « Adhérer ».
    await page.getByRole('tab', { name: 'Menus' }).click();
    await page.waitForURL(/\/menus$/);
    await page.getByLabel('Libellé').fill('Notre union');
    await choose(page, page.getByRole('combobox', { name: 'Page', exact: true }), 'Qui sommes-nous ?');
    await page.getByRole('button', { name: "Ajouter l'entrée" }).click();
    await page.getByRole('button', { name: 'Ajouter une sous-entrée à « Notre union »' }).click();
    await eventually(() => page.getByLabel('Libellé').evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('Adhérer');
    await choose(page, page.getByRole('combobox', { name: 'Page', exact: true }), 'Adhérer');
    await page.getByRole('button', { name: "Ajouter l'entrée" }).click();
    await eventually(() => page.getByRole('button', { name: 'Décaler à gauche « Adhérer » : sortir de « Notre union »' }).isVisible()).toBe(true);
    await choose(page, page.getByRole('combobox', { name: 'Placer sous' }), 'Aucune entrée (premier niveau)');
    await page.getByLabel('Libellé').fill('Contact');
    await choose(page, page.getByRole('combobox', { name: 'Destination' }), 'Une adresse');
    await page.getByLabel('Adresse', { exact: true }).fill('https://www.example.org/contact');
    await page.getByRole('button', { name: "Ajouter l'entrée" }).click();
    await page.getByRole('button', { name: 'Décaler à droite « Contact » : sous-entrée de « Notre union »' }).click();
    await page.getByRole('button', { name: 'Monter « Contact »' }).click();
    // Focus follows the moved entry (keyboard users keep their place).
    await eventually(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Contact');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer les menus' }).click();
    await eventually(() => page.getByText('Menus enregistrés : le site public est à jour.').isVisible()).toBe(true);

    // The public header has the logo (its file served) and the menu as nested lists.
    const publicPage = await page.context().newPage();
    const union = () => publicPage.getByRole('navigation', { name: 'Navigation principale' }).locator('li').filter({ has: publicPage.getByRole('link', { name: 'Notre union', exact: true }) });
    await eventually(async () => {
      await publicPage.goto('/sites/union-rhone');
      return union().locator('> ul > li > a').allTextContents();
    }).toEqual(['Contact', 'Adhérer']);
    const logoSrc = await publicPage.locator('header .brand img').getAttribute('src');
    expect(logoSrc).toMatch(/^\/media\/[0-9a-f-]{36}$/);
    expect((await publicPage.request.get(logoSrc!)).headers()['content-type']).toMatch(/^image\//);
    expect(await publicPage.getByRole('link', { name: 'Union du Rhône' }).count()).toBe(1);
    await expectAccessible(publicPage);
  });
});
