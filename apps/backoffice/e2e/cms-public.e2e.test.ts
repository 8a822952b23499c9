import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildApp, type App } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/platform/config/index.js';
import { createTestDatabase, type TestDatabase } from '../../server/src/test/test-database.js';
import { createSmallNetwork } from '../../server/src/test/factories/entities.js';
import { createPreviewToken } from '../../server/src/modules/cms/index.js';
import { insertCategory, insertContent, insertEvent, insertSite, insertSyndication } from '../../server/src/test/factories/cms-delivery.js';
import { chromiumAvailable, launchBrowser, screenshot, seriousViolations } from './harness/browser.js';

/**
 * Every template of a public site in Chromium, checked with axe (WCAG 2.1 A/AA): no serious or
 * critical violation. The pages carry no script: what axe sees is what any reader gets.
 */
describe.skipIf(!chromiumAvailable)('public CMS site in Chromium', { timeout: 180_000 }, () => {
  let testDatabase: TestDatabase;
  let app: App;
  let browser: Browser;
  let baseUrl: string;
  let previewToken: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    const env = { NODE_ENV: 'test', DATA_DIR: '/tmp/maillage-e2e-unused', HOST: '127.0.0.1', PORT: '0' };
    const config = loadConfig(env, []);
    const { database } = testDatabase;
    const { ids } = await createSmallNetwork(database);
    const national = await insertSite(database, { entityId: ids.FR!, slug: 'national', name: 'Confédération nationale', theme: { primaryColour: '#f5d90a', accentColour: '#7fb2ff' } });
    const rhone = await insertSite(database, { entityId: ids['69']!, slug: 'rhone', name: 'Union du Rhône' });
    const site = { siteId: national, entityId: ids.FR! };
    const category = await insertCategory(database, { ...site, slug: 'vie-syndicale', name: 'Vie syndicale' });
    await insertContent(database, { ...site, kind: 'page', slug: 'accueil', title: 'Bienvenue sur le site national', summary: 'Le réseau des entreprises de France.' });
    const about = await insertContent(database, { ...site, kind: 'page', slug: 'qui-sommes-nous', title: 'Qui sommes-nous ?', featured: true });
    await insertContent(database, { ...site, kind: 'page', slug: 'equipe', path: '/qui-sommes-nous/equipe', parentId: about.id, title: 'L’équipe' });
    const article = await insertContent(database, {
      ...site,
      kind: 'article',
      slug: 'assemblee-generale',
      title: 'Assemblée générale 2026',
      summary: 'Les résolutions adoptées par les délégués.',
      fields: { categoryIds: [category], tags: ['Gouvernance'], author: 'Service communication' },
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Résolutions' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Les délégués ont approuvé ' }, { type: 'text', text: 'les comptes', marks: [{ type: 'bold' }] }, { type: 'text', text: ' et le ' }, { type: 'text', text: 'rapport moral', marks: [{ type: 'link', attrs: { href: 'https://exemple.fr/rapport' } }] }, { type: 'text', text: '.' }] },
          { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Budget 2027' }] }] }] },
          { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Un réseau plus fort.' }] }] },
          {
            type: 'table',
            content: [
              { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Résolution' }] }] }, { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vote' }] }] }] },
              { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Comptes' }] }] }, { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Adoptée' }] }] }] },
            ],
          },
          { type: 'embed', attrs: { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'Discours de clôture' } },
        ],
      },
    });
    await insertContent(database, { ...site, kind: 'article', slug: 'congres', title: 'Congrès national à Lyon', summary: 'Rendez-vous en juin.' });
    const draft = await insertContent(database, { ...site, kind: 'article', slug: 'brouillon', title: 'Article en préparation', published: false });
    await insertSyndication(database, { contentId: article.id, originSiteId: national, targetSiteId: rhone, targetEntityId: ids['69']!, status: 'accepted' });
    const inTenDays = Date.now() + 10 * 86_400_000;
    await insertEvent(database, { entityId: ids.FR!, title: 'Assemblée des délégués', startsAt: new Date(inTenDays), endsAt: new Date(inTenDays + 3 * 3_600_000), place: { name: 'Maison des entreprises', commune: 'Paris' }, capacity: 80, onlineUrl: 'https://visio.example/ag', description: 'Rapport moral et élections.' });
    previewToken = createPreviewToken(config.sessionSecret, { contentId: draft.id, revisionId: draft.revisionId }).token;
    app = await buildApp(config, { database });
    await app.ready();
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await testDatabase?.drop();
  });

  const templates: [string, string, number][] = [
    ['home', '/sites/national', 200],
    ['article', '/sites/national/actualites/assemblee-generale', 200],
    ['page', '/sites/national/qui-sommes-nous/equipe', 200],
    ['news-list', '/sites/national/actualites', 200],
    ['events', '/sites/national/evenements', 200],
    ['category', '/sites/national/categories/vie-syndicale', 200],
    ['tag', '/sites/national/etiquettes/Gouvernance', 200],
    ['search', '/sites/national/recherche?q=assemblee', 200],
    ['search-empty', '/sites/national/recherche?q=introuvable', 200],
    ['not-found', '/sites/national/page-absente', 404],
    ['syndicated', '/sites/rhone/actualites/assemblee-generale', 200],
  ];

  it.each(templates)('%s has no serious or critical accessibility violation', async (name, path, status) => {
    const context = await browser.newContext({ javaScriptEnabled: true, locale: 'fr-FR' });
    const page = await context.newPage();
    // Embedded players are third-party: keep the test on this machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="fr"><title>Lecteur</title></html>' }));
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(status);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    if (name === 'home' || name === 'article') await screenshot(page, `cms-public-${name}`);
    await context.close();
  });

  it('the preview of a draft is accessible too, and the skip link is the first stop of the keyboard', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sites/national/_preview?token=${encodeURIComponent(previewToken)}`);
    expect(await page.locator('h1').textContent()).toBe('Article en préparation');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await context.close();
  });
});
