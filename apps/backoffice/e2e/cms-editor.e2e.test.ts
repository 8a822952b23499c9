import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/platform/config/index.js';
import { TEST_PASSWORD, createUser } from '../../server/src/test/auth.js';
import { createSmallNetwork } from '../../server/src/test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../server/src/test/test-database.js';
import { insertCategory, insertSite } from '../../server/src/test/factories/cms-delivery.js';
import { chromiumAvailable, launchBrowser, screenshot } from './harness/browser.js';
import { choose, eventually, expectAccessibleBehindToasts, fillCredentials } from './harness/journeys.js';

/** The built back-office to serve: CMS_E2E_BACKOFFICE_DIR (a build of this tree) or the default dist. */
const BACKOFFICE_DIR = process.env.CMS_E2E_BACKOFFICE_DIR ?? join(import.meta.dirname, '../dist/browser');
const TITLE = 'Fête des artisans 2027 : inscriptions ouvertes';
const SLUG = 'fete-des-artisans-2027';
const EDITOR = 'redacteur.national@cms-e2e.test';
const PUBLISHER = 'publication.national@cms-e2e.test';
const RHONE_PUBLISHER = 'publication.rhone@cms-e2e.test';
const RHONE_MANAGER = 'gestion.rhone@cms-e2e.test';

/**
 * The editorial journey in Chromium, against the real server: a national editor writes an article
 * in the Tiptap editor and submits it; a national publisher publishes it and offers it to the
 * network; it is on the public national site; the Rhône publisher accepts it and it is on the
 * Rhône site too. Axe checks every back-office screen on the way.
 */
describe.skipIf(!chromiumAvailable)('CMS editor in Chromium', { timeout: 240_000 }, () => {
  let testDatabase: TestDatabase;
  let app: App;
  let browser: Browser;
  let baseUrl: string;
  let rhoneSiteId: string;
  let nationalSiteId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-cms-e2e-'));

  beforeAll(async () => {
    if (!existsSync(join(BACKOFFICE_DIR, 'index.html'))) {
      execSync('npm run build -w apps/backoffice', { cwd: join(import.meta.dirname, '../../..'), stdio: 'inherit' });
    }
    testDatabase = await createTestDatabase({ migrated: true });
    const { database } = testDatabase;
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', BACKOFFICE_DIR }, []);
    const { ids } = await createSmallNetwork(database);
    await createUser(database, { email: EDITOR, roleCode: 'cms_editor', entityId: ids.FR! });
    await createUser(database, { email: PUBLISHER, roleCode: 'cms_publisher', entityId: ids.FR! });
    await createUser(database, { email: RHONE_PUBLISHER, roleCode: 'cms_publisher', entityId: ids['69']! });
    await createUser(database, { email: RHONE_MANAGER, roleCode: 'manager', entityId: ids['69']! });
    nationalSiteId = await insertSite(database, { entityId: ids.FR!, slug: 'national', name: 'Confédération nationale' });
    rhoneSiteId = await insertSite(database, { entityId: ids['69']!, slug: 'rhone', name: 'Union du Rhône' });
    await insertCategory(database, { siteId: nationalSiteId, entityId: ids.FR!, slug: 'evenements', name: 'Événements' });
    app = await buildApp(config, { database });
    await app.ready();
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDatabase?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR', viewport: { width: 1366, height: 900 }, colorScheme: 'light' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[browser]', error.message));
    await page.goto('/sign-in');
    await fillCredentials(page, email, TEST_PASSWORD);
    await page.waitForURL(/\/dashboard$/);
    return page;
  }

  it('an editor writes and submits, a publisher publishes and syndicates, a branch accepts, the public sites show it', async () => {
    // 1. The editor writes the article.
    const editor = await signedIn(EDITOR);
    await editor.getByRole('link', { name: 'Sites' }).click();
    await editor.waitForURL(/\/cms/);
    await eventually(() => editor.getByRole('heading', { name: 'Contenus des sites', level: 1 }).isVisible()).toBe(true);
    await eventually(() => editor.getByRole('link', { name: 'Nouvel article' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(editor);
    await editor.getByRole('link', { name: 'Nouvel article' }).click();
    await editor.waitForURL(/\/cms\/sites\/.+\/new\/article$/);
    await editor.getByLabel('Titre', { exact: true }).fill(TITLE);
    await editor.getByLabel('Chapô').fill('Les artisans du réseau se retrouvent à Lyon en juin.');
    await editor.getByLabel('Adresse (slug)').fill(SLUG);
    await editor.getByLabel('Mots-clés').fill('Artisanat, Lyon');
    await choose(editor, editor.getByRole('combobox', { name: 'Catégories' }), 'Événements');
    await editor.keyboard.press('Escape');

    const body = editor.getByRole('textbox', { name: 'Texte' });
    await body.click();
    await editor.keyboard.type('Au programme');
    const h2 = editor.getByRole('button', { name: 'Titre de niveau 2' });
    expect(await h2.getAttribute('aria-pressed')).toBe('false');
    await h2.click();
    await eventually(() => h2.getAttribute('aria-pressed')).toBe('true');
    await editor.keyboard.press('End');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Des ateliers ouverts à tous ');
    const bold = editor.getByRole('button', { name: 'Gras' });
    await bold.click();
    await eventually(() => bold.getAttribute('aria-pressed')).toBe('true');
    await editor.keyboard.type('et gratuits');
    await bold.click();
    await editor.keyboard.press('Enter');
    await editor.getByRole('button', { name: 'Liste à puces' }).click();
    await editor.keyboard.type('Démonstrations');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Concours des apprentis');
    // The toolbar is one Tab stop; the arrow keys move between its buttons.
    await editor.getByRole('button', { name: 'Titre de niveau 2' }).focus();
    await editor.keyboard.press('ArrowRight');
    expect(await editor.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Titre de niveau 3');
    expect(await editor.getByRole('toolbar', { name: 'Mise en forme du texte' }).locator('button[tabindex="0"]').count()).toBe(1);
    await expectAccessibleBehindToasts(editor);
    await editor.getByRole('button', { name: 'Créer le brouillon' }).click();
    await editor.waitForURL(/\/cms\/contents\/[0-9a-f-]{36}$/);
    await eventually(() => editor.getByTestId('cms-status').textContent()).toBe('Brouillon');
    await editor.getByRole('button', { name: 'Soumettre à relecture' }).click();
    await eventually(() => editor.getByTestId('cms-status').textContent()).toBe('En relecture');
    // Editors cannot publish: the button is not offered.
    expect(await editor.getByRole('button', { name: 'Publier', exact: true }).count()).toBe(0);
    await expectAccessibleBehindToasts(editor);
    await screenshot(editor, 'cms-editor');
    await editor.context().close();

    // 2. The publisher finds it among the items in review and publishes it, then offers it to the network.
    const publisher = await signedIn(PUBLISHER);
    await publisher.goto(`/cms?site=${nationalSiteId}`);
    await eventually(() => publisher.getByRole('heading', { name: 'Contenus des sites', level: 1 }).isVisible()).toBe(true);
    await choose(publisher, publisher.getByRole('combobox', { name: 'Statut' }), 'En relecture');
    await eventually(() => publisher.getByRole('link', { name: TITLE }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(publisher);
    await publisher.getByRole('link', { name: TITLE }).click();
    await eventually(() => publisher.getByTestId('cms-status').textContent()).toBe('En relecture');
    await publisher.getByRole('button', { name: 'Publier', exact: true }).click();
    await eventually(() => publisher.getByTestId('cms-status').textContent()).toBe('Publié');
    // Automatic unpublication can be scheduled, then cancelled.
    await publisher.getByLabel('Retrait automatique le').fill('2030-06-30T18:00');
    await publisher.getByRole('button', { name: 'Programmer le retrait' }).click();
    await eventually(() => publisher.getByText('Prévu le 30/06/2030').isVisible()).toBe(true);
    await publisher.getByRole('button', { name: 'Annuler le retrait programmé' }).click();
    await eventually(() => publisher.getByText('Prévu le 30/06/2030').count()).toBe(0);
    await publisher.getByRole('button', { name: 'Proposer aux sites du réseau' }).click();
    await eventually(() => publisher.getByRole('cell', { name: 'Union du Rhône' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(publisher);

    // A second revision, then the history compares the two.
    await publisher.getByLabel('Chapô').fill('Les artisans du réseau se retrouvent à Lyon les 12 et 13 juin.');
    await publisher.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await eventually(() => publisher.getByTestId('cms-status').textContent()).toBe('Brouillon');
    await publisher.getByRole('link', { name: 'Historique des versions' }).click();
    await eventually(() => publisher.getByRole('heading', { name: /Différences entre la révision 1 et la révision 2/ }).isVisible()).toBe(true);
    await eventually(() => publisher.getByRole('rowheader', { name: 'Chapô' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(publisher);
    await screenshot(publisher, 'cms-revision-diff');
    // Restoring revision 1 makes a new draft revision with its text.
    await publisher.getByRole('button', { name: 'Restaurer cette version' }).click();
    await publisher.getByRole('alertdialog').getByRole('button', { name: 'Restaurer cette version' }).click();
    await publisher.waitForURL(/\/cms\/contents\/[0-9a-f-]{36}$/);
    await eventually(() => publisher.getByLabel('Chapô').inputValue()).toBe('Les artisans du réseau se retrouvent à Lyon en juin.');

    // 3. The public national site shows the published revision (the unpublished edit stays private).
    const visitor = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR' });
    const publicPage = await visitor.newPage();
    const response = await publicPage.goto(`/sites/national/actualites/${SLUG}`);
    expect(response?.status()).toBe(200);
    expect(await publicPage.locator('h1').textContent()).toContain(TITLE);
    expect(await publicPage.locator('main').textContent()).toContain('et gratuits');
    expect(await publicPage.locator('main strong').first().textContent()).toBe('et gratuits');
    expect(await publicPage.locator('main').textContent()).not.toContain('les 12 et 13 juin');
    await publisher.context().close();

    // 4. The Rhône publisher accepts the offer: the Rhône site shows it, with the origin as canonical.
    const rhone = await signedIn(RHONE_PUBLISHER);
    await rhone.goto(`/cms/inbox?site=${rhoneSiteId}`);
    await eventually(() => rhone.getByRole('heading', { name: TITLE }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(rhone);
    await rhone.getByRole('button', { name: 'Accepter' }).click();
    await eventually(() => rhone.getByText('Accepté').first().isVisible()).toBe(true);
    await rhone.context().close();
    const syndicated = await publicPage.goto(`/sites/rhone/actualites/${SLUG}`);
    expect(syndicated?.status()).toBe(200);
    expect(await publicPage.locator('h1').textContent()).toContain(TITLE);
    expect(await publicPage.locator('link[rel="canonical"]').getAttribute('href')).toContain('/sites/national/actualites/');
    await visitor.close();
  });

  it('uploads an image with progress, inserts it with its alt text, refuses a reserved slug, publishes an article and a document without review', async () => {
    const page = await signedIn(RHONE_MANAGER);
    await page.goto('/cms/media');
    await eventually(() => page.getByRole('heading', { name: 'Médiathèque', level: 1 }).isVisible()).toBe(true);
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#1d3d6b' } }).png().toBuffer();
    await page.getByLabel('Fichier (image, PDF, document)').setInputFiles({ name: 'atelier.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('obligatoire');
    await page.getByLabel('Texte alternatif (obligatoire)').fill('Un atelier de menuiserie');
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await eventually(() => page.getByRole('cell', { name: 'Un atelier de menuiserie' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // A server refusal (422 with a JSON pointer) lands on its field.
    await page.goto(`/cms/sites/${rhoneSiteId}/new/page`);
    await page.getByLabel('Titre', { exact: true }).fill('Nos actualités');
    await page.getByLabel('Adresse (slug)').fill('actualites');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await eventually(() => page.locator('mat-error').first().textContent()).toContain('est réservé par le site');
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('Certains champs sont à corriger');
    await page.getByLabel('Adresse (slug)').fill('nos-actualites');
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/cms\/contents\/[0-9a-f-]{36}$/);

    await page.goto(`/cms/sites/${rhoneSiteId}/new/article`);
    await page.getByLabel('Titre', { exact: true }).fill('Atelier bois du Rhône');
    await page.getByLabel('Adresse (slug)').fill('atelier-bois');
    await page.getByRole('textbox', { name: 'Texte' }).click();
    await page.keyboard.type('Photo de l’atelier :');
    await page.getByRole('button', { name: 'Insérer une image de la médiathèque' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /atelier/ }).click();
    await eventually(() => page.getByRole('dialog').getByLabel('Texte alternatif (obligatoire)').inputValue()).toBe('Un atelier de menuiserie');
    await page.getByRole('dialog').getByRole('button', { name: 'Insérer' }).click();
    await eventually(() => page.locator('.ProseMirror img[data-media-id]').count()).toBe(1);
    await page.getByRole('button', { name: 'Choisir dans la médiathèque' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /atelier/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Insérer' }).click();
    await eventually(() => page.getByRole('button', { name: 'Retirer l\'image' }).isVisible()).toBe(true);
    await page.getByLabel('Mettre en avant sur la page d\'accueil du site').check();
    await expectAccessibleBehindToasts(page);
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/cms\/contents\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Publier sans relecture' }).click();
    await eventually(() => page.getByTestId('cms-status').textContent()).toBe('Publié');

    // A downloadable document: its file comes from the library (uploaded from the picker).
    await page.goto(`/cms/sites/${rhoneSiteId}/new/document`);
    await page.getByLabel('Titre', { exact: true }).fill('Tarifs des ateliers 2027');
    await page.getByRole('button', { name: 'Choisir dans la médiathèque' }).click();
    await page.getByRole('dialog').getByLabel('Téléverser un nouveau fichier').setInputFiles({ name: 'tarifs.csv', mimeType: 'text/csv', buffer: Buffer.from('Atelier;Prix\nMenuiserie;20\n') });
    await eventually(() => page.getByRole('dialog').getByRole('button', { name: 'Insérer' }).isEnabled()).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Insérer' }).click();
    await eventually(() => page.getByText('tarifs.csv').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await page.waitForURL(/\/cms\/contents\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Publier sans relecture' }).click();
    await eventually(() => page.getByTestId('cms-status').textContent()).toBe('Publié');
    await page.context().close();

    const visitor = await browser.newContext({ baseURL: baseUrl, locale: 'fr-FR' });
    const publicPage = await visitor.newPage();
    expect((await publicPage.goto('/sites/rhone/actualites/atelier-bois'))?.status()).toBe(200);
    expect(await publicPage.locator('main img[alt="Un atelier de menuiserie"]').count()).toBeGreaterThan(0);
    await visitor.close();
  });
});
