import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config/index.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createPreviewToken } from '../preview/preview-token.js';
import { childrenNamed, parseXmlStrict, textOf } from '../../../test/strict-xml.js';
import { insertCategory, insertContent, insertEvent, insertSite, insertSyndication, paragraphs, setPublished } from '../../../test/factories/cms-delivery.js';

const XSS_TITLE = '<script>alert("titre")</script> & "guillemets"';

describe('public delivery of CMS sites', () => {
  let testApp: TestApp;
  let ids: Record<string, string>;
  let national: string;
  let rhone: string;
  const content: Record<string, { id: string; revisionId: string }> = {};
  const secret = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/tmp/maillage-test-unused' }, []).sessionSecret;
  const get = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    // Read the publication generation on every request: publications are visible at once.
    process.env.CMS_SITE_TTL_MS = '0';
    testApp = await createTestApp();
    const { database } = testApp.testDatabase;
    ({ ids } = await createSmallNetwork(database));
    national = await insertSite(database, { entityId: ids.FR!, slug: 'national', name: 'Confédération nationale', hostNames: ['www.national.test'] });
    rhone = await insertSite(database, { entityId: ids['69']!, slug: 'rhone', name: 'Union du Rhône', hostNames: ['rhone.test'], theme: { primaryColour: '#ffff00', accentColour: '#ffee00' } });
    const vie = await insertCategory(database, { siteId: national, entityId: ids.FR!, slug: 'vie-syndicale', name: 'Vie syndicale' });
    const site = { siteId: national, entityId: ids.FR! };
    content.home = await insertContent(database, { ...site, kind: 'page', slug: 'accueil', title: 'Bienvenue', summary: 'Le réseau des entreprises.' });
    content.about = await insertContent(database, { ...site, kind: 'page', slug: 'qui-sommes-nous', title: 'Qui sommes-nous ?', featured: true });
    content.team = await insertContent(database, { ...site, kind: 'page', slug: 'equipe', path: '/qui-sommes-nous/equipe', parentId: content.about.id, title: 'L’équipe' });
    content.ag = await insertContent(database, {
      ...site,
      kind: 'article',
      slug: 'assemblee-generale',
      title: 'Assemblée générale 2026',
      summary: 'Les résolutions adoptées.',
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Résolutions' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Les délégués ont approuvé les comptes.' }, { type: 'text', text: 'piège', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
          { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
        ],
      },
      fields: { categoryIds: [vie], tags: ['Gouvernance'], author: 'Service communication' },
      publishedAt: new Date('2026-11-20T10:00:00Z'),
    });
    content.members = await insertContent(database, { ...site, kind: 'article', slug: 'note-interne', title: 'Note réservée confidentielle', visibility: 'members', fields: { categoryIds: [vie], tags: ['Gouvernance'] }, body: paragraphs('Budget confidentiel des adhérents.') });
    content.membersPage = await insertContent(database, { ...site, kind: 'page', slug: 'espace-adherents', title: 'Espace adhérents', visibility: 'members', featured: true });
    content.draft = await insertContent(database, { ...site, kind: 'article', slug: 'brouillon', title: 'Brouillon secret', published: false });
    content.xss = await insertContent(database, { ...site, kind: 'article', slug: 'titre-piege', title: XSS_TITLE, summary: '<b>résumé</b>', publishedAt: new Date('2026-11-10T10:00:00Z') });
    content.syndicated = await insertContent(database, { ...site, kind: 'article', slug: 'congres-national', title: 'Congrès national à Lyon', publishedAt: new Date('2026-11-15T10:00:00Z') });
    content.declined = await insertContent(database, { ...site, kind: 'article', slug: 'refusee', title: 'Article décliné', publishedAt: new Date('2026-11-14T10:00:00Z') });
    content.membersSyndicated = await insertContent(database, { ...site, kind: 'article', slug: 'reserve-syndique', title: 'Réservé syndiqué', visibility: 'members' });
    await insertSyndication(database, { contentId: content.syndicated.id, originSiteId: national, targetSiteId: rhone, targetEntityId: ids['69']!, status: 'offered' });
    await insertSyndication(database, { contentId: content.declined.id, originSiteId: national, targetSiteId: rhone, targetEntityId: ids['69']!, status: 'declined' });
    await insertSyndication(database, { contentId: content.membersSyndicated.id, originSiteId: national, targetSiteId: rhone, targetEntityId: ids['69']!, status: 'accepted' });
    await insertContent(database, { siteId: rhone, entityId: ids['69']!, kind: 'article', slug: 'fete-locale', title: 'Fête de l’union du Rhône' });
    // Events of the national entity: the site shows only upcoming, published, public ones of its own entity.
    const inDays = (days: number, hour: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + days, hour));
    await insertEvent(database, { entityId: ids.FR!, title: 'Assemblée des délégués', startsAt: inDays(10, 8), endsAt: inDays(10, 11), place: { name: 'Maison des entreprises', address: '12 rue de la Paix', postalCode: '75002', commune: 'Paris' }, capacity: 80, priceCents: 2500, description: 'Ordre du jour : rapport moral et élections.' });
    await insertEvent(database, { entityId: ids.FR!, title: XSS_TITLE, startsAt: inDays(12, 13), endsAt: inDays(13, 15), onlineUrl: 'https://visio.example/ag' });
    await insertEvent(database, { entityId: ids.FR!, title: 'Dîner réservé aux adhérents', startsAt: inDays(11, 18), endsAt: inDays(11, 21), visibility: 'members', place: { name: 'Cercle' } });
    await insertEvent(database, { entityId: ids.FR!, title: 'Séminaire en préparation', startsAt: inDays(14, 8), endsAt: inDays(14, 16), status: 'draft', place: { name: 'Siège' } });
    await insertEvent(database, { entityId: ids.FR!, title: 'Colloque passé', startsAt: inDays(-20, 8), endsAt: inDays(-20, 16), place: { name: 'Siège' } });
    await insertEvent(database, { entityId: ids['69']!, title: 'Petit-déjeuner lyonnais', startsAt: inDays(9, 7), endsAt: inDays(9, 9), place: { name: 'Lyon' } });
    // Menus point at a public page and at a members-only page (dropped) and an unsafe URL (dropped).
    const { withOwnerClient } = await import('../../../platform/db/index.js');
    await withOwnerClient(database, (client) =>
      client.query(`UPDATE cms_sites SET menus = $2 WHERE id = $1`, [
        national,
        JSON.stringify({
          main: [
            { label: 'Qui sommes-nous', contentId: content.about!.id },
            { label: 'Adhérents', contentId: content.membersPage!.id },
            { label: 'Piège', url: 'javascript:alert(1)' },
            { label: 'Partenaire', url: 'https://partenaire.example/' },
          ],
          footer: [],
        }),
      ]),
    );
  });

  afterAll(async () => {
    delete process.env.CMS_SITE_TTL_MS;
    await testApp?.close();
  });

  it('renders the home page: intro, latest news, featured pages, landmarks, no members-only content', async () => {
    const response = await get('/sites/national');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<a class="skip-link" href="#contenu">');
    expect(html).toMatch(/<main id="contenu"/);
    expect(html).toContain('<h1>Bienvenue</h1>');
    expect(html).toContain('Assemblée générale 2026');
    expect(html).toContain('href="/sites/national/qui-sommes-nous"');
    expect(html).toContain('href="https://partenaire.example/"');
    expect(html).not.toContain('Espace adhérents');
    expect(html).not.toContain('Adhérents</a>');
    expect(html).not.toContain('Note réservée');
    expect(html).not.toContain('Brouillon secret');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<link rel="canonical" href="https://www.national.test/">');
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(response.headers['content-security-policy']).toContain("script-src 'none'");
  });

  it('renders an article with meta tags, categories, tags and neutralised rich text', async () => {
    const response = await get('/sites/national/actualites/assemblee-generale');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<h1>Assemblée générale 2026</h1>');
    expect(html).toContain('<meta name="description" content="Les résolutions adoptées.">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<link rel="canonical" href="https://www.national.test/actualites/assemblee-generale">');
    expect(html).toContain('href="/sites/national/categories/vie-syndicale"');
    expect(html).toContain('href="/sites/national/etiquettes/Gouvernance"');
    expect(html).toContain('<h2>Résolutions</h2>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).not.toContain('javascript:');
  });

  it('lists the entity’s upcoming public events on /evenements and the home page, and nothing else', async () => {
    const response = await get('/sites/national/evenements');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    const html = response.body;
    expect(html).toContain('<h1>Événements</h1>');
    expect(html).toContain('Assemblée des délégués</h2>');
    expect(html).toContain('Lieu : Maison des entreprises, 12 rue de la Paix, 75002 Paris');
    expect(html).toMatch(/Tarif : 25,00\s€ · 80 places restantes/);
    expect(html).toContain('Ordre du jour : rapport moral et élections.');
    // Times are shown in the event's zone (Europe/Paris: 08:00 UTC is 09:00 or 10:00).
    expect(html).toMatch(/<time datetime="[^"]+">\S+ \d{1,2} \S+ \d{4}, de (09|10):00 à (12|13):00<\/time>/);
    expect(html).toContain('href="https://visio.example/ag"');
    expect(html).toMatch(/du \S+ \d{1,2} \S+ \d{4} à (14|15):00 au \S+ \d{1,2} \S+ \d{4} à (16|17):00/);
    expect(html.indexOf('Assemblée des délégués')).toBeLessThan(html.indexOf('&lt;script&gt;alert'));
    for (const hidden of ['Dîner réservé', 'Séminaire en préparation', 'Colloque passé', 'Petit-déjeuner lyonnais']) expect(html).not.toContain(hidden);
    expect((await get('/sites/rhone/evenements')).body).toContain('Petit-déjeuner lyonnais');

    const home = (await get('/sites/national')).body;
    expect(home).toContain('<h2 id="prochains-evenements">Prochains événements</h2>');
    expect(home).toMatch(/<a href="\/sites\/national\/evenements#evenement-[0-9a-f-]+">Assemblée des délégués<\/a>/);
    expect(home).toContain('href="/sites/national/evenements">Tous les événements</a>');
    expect(home).not.toContain('Dîner réservé');
    // On its own host name, links are site-relative; the footer links every page to the events.
    const hosted = await testApp.app.inject({ method: 'GET', url: '/evenements', headers: { host: 'www.national.test' } });
    expect(hosted.body).toContain('Assemblée des délégués');
    expect(hosted.body).toContain('<a href="/evenements">Événements</a>');
    expect((await get('/sites/national/sitemap.xml')).body).toContain('<loc>https://www.national.test/evenements</loc>');
  });

  it('escapes titles everywhere they appear', async () => {
    for (const url of ['/sites/national/actualites/titre-piege', '/sites/national/actualites', '/sites/national', '/sites/national/evenements']) {
      const html = (await get(url)).body;
      expect(html).not.toContain('<script>alert');
      expect(html).toContain('&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; &amp; &quot;guillemets&quot;');
    }
    const feed = (await get('/sites/national/feed.xml')).body;
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; &amp; &quot;guillemets&quot;');
  });

  it('serves a page of the tree with its breadcrumb', async () => {
    const response = await get('/sites/national/qui-sommes-nous/equipe');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('aria-label="Fil d’Ariane"');
    expect(response.body).toContain('<a href="/sites/national/qui-sommes-nous">Qui sommes-nous ?</a>');
  });

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    const first = await get('/sites/national/actualites/assemblee-generale');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(lastModified).toMatch(/GMT$/);
    const byEtag = await get('/sites/national/actualites/assemblee-generale', { 'if-none-match': etag });
    expect(byEtag.statusCode).toBe(304);
    expect(byEtag.body).toBe('');
    expect(byEtag.headers.etag).toBe(etag);
    expect((await get('/sites/national/actualites/assemblee-generale', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    expect((await get('/sites/national/actualites/assemblee-generale', { 'if-none-match': '"autre"' })).statusCode).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await get('/sites/national/actualites/assemblee-generale', { 'if-none-match': '"autre"', 'if-modified-since': lastModified })).statusCode).toBe(200);
    expect((await get('/sites/national/actualites/assemblee-generale', { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).statusCode).toBe(200);
  });

  it('never serves members-only content: page, lists, feeds, sitemap, search, headless API', async () => {
    expect((await get('/sites/national/actualites/note-interne')).statusCode).toBe(404);
    expect((await get('/sites/national/espace-adherents')).statusCode).toBe(404);
    const pages = ['/sites/national/actualites', '/sites/national/categories/vie-syndicale', '/sites/national/etiquettes/Gouvernance', '/sites/national/feed.xml', '/sites/national/categories/vie-syndicale/feed.xml', '/sites/national/sitemap.xml', '/sites/national/recherche?q=confidentiel', '/sites/national/recherche?q=note+reservee'];
    for (const url of pages) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain('note-interne');
      expect(response.body, url).not.toContain('Note réservée');
      expect(response.body, url).not.toContain('espace-adherents');
    }
    expect((await get('/api/v1/public/sites/national/contents/actualites/note-interne')).statusCode).toBe(404);
    const list = (await get('/api/v1/public/sites/national/contents?limit=100')).json() as { items: { path: string }[] };
    expect(list.items.map((item) => item.path)).not.toContain('/actualites/note-interne');
    expect((await get('/sites/rhone/actualites/reserve-syndique')).statusCode).toBe(404);
  });

  it('serves drafts only through a valid signed preview link', async () => {
    expect((await get('/sites/national/actualites/brouillon')).statusCode).toBe(404);
    const { token } = createPreviewToken(secret, { contentId: content.draft!.id, revisionId: content.draft!.revisionId });
    const preview = await get(`/sites/national/_preview?token=${encodeURIComponent(token)}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Brouillon secret');
    expect(preview.body).toContain('Aperçu');
    expect(preview.body).toContain('<meta name="robots" content="noindex">');
    expect(preview.headers['cache-control']).toBe('private, no-store');
    const forged = `${token.slice(0, -2)}xx`;
    expect((await get(`/sites/national/_preview?token=${encodeURIComponent(forged)}`)).statusCode).toBe(404);
    // A token of the national site does not preview on another site.
    expect((await get(`/sites/rhone/_preview?token=${encodeURIComponent(token)}`)).statusCode).toBe(404);
  });

  it('produces a valid Atom feed and sitemap', async () => {
    const feed = await get('/sites/national/feed.xml');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const entries = childrenNamed(parseXmlStrict(feed.body), 'entry');
    expect(entries.map((entry) => textOf(entry, 'title'))).toContain('Assemblée générale 2026');
    expect(entries.map((entry) => textOf(entry, 'title'))).toContain(XSS_TITLE);
    const categoryFeed = await get('/sites/national/categories/vie-syndicale/feed.xml');
    expect(childrenNamed(parseXmlStrict(categoryFeed.body), 'entry')).toHaveLength(1);
    expect(categoryFeed.body).toContain('Assemblée générale 2026');
    const sitemap = await get('/sites/national/sitemap.xml');
    const locs = childrenNamed(parseXmlStrict(sitemap.body), 'url').map((url) => textOf(url, 'loc'));
    expect(locs).toContain('https://www.national.test/actualites/assemblee-generale');
    expect(locs).toContain('https://www.national.test/qui-sommes-nous/equipe');
    expect(locs).not.toContain('https://www.national.test/actualites/brouillon');
    const robots = await get('/sites/national/robots.txt');
    expect(robots.body).toContain('Sitemap: https://www.national.test/sitemap.xml');
  });

  it('searches in French, accents and inflections ignored', async () => {
    const html = (await get('/sites/national/recherche?q=assemblee+delegue')).body;
    expect(html).toContain('Assemblée générale 2026');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect((await get('/sites/national/recherche?q=introuvablexyz')).body).toContain('Aucun résultat');
    expect((await get('/sites/national/recherche?q=%22%29%28%26%21')).statusCode).toBe(200);
  });

  it('answers a themed 404 page for unknown paths and the API 404 for unknown sites', async () => {
    const missing = await get('/sites/national/pas/de/page');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page introuvable');
    expect(missing.body).toContain('Confédération nationale');
    const unknownSite = await get('/sites/inconnu/actualites');
    expect(unknownSite.statusCode).toBe(404);
    expect(unknownSite.headers['content-type']).toContain('application/problem+json');
    expect((await get('/sites/national/../../api/v1/health')).statusCode).not.toBe(500);
  });

  it('maps host names to sites, shows syndicated articles with a canonical link, and leaves other hosts alone', async () => {
    const home = await get('/', { host: 'rhone.test' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Union du Rhône');
    expect(home.body).toContain('Fête de l’union du Rhône');
    expect(home.body).toContain('Congrès national à Lyon');
    expect(home.body).not.toContain('Article décliné');
    expect(home.body).toContain('href="/actualites/congres-national"');
    const article = await get('/actualites/congres-national', { host: 'rhone.test:8080' });
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain('<link rel="canonical" href="https://www.national.test/actualites/congres-national">');
    expect(article.body).toContain('Article publié initialement par Confédération nationale');
    expect((await get('/actualites/refusee', { host: 'rhone.test' })).statusCode).toBe(404);
    // Search on the receiving site finds the syndicated article, not the declined one.
    const search = (await get('/recherche?q=congres+lyon', { host: 'rhone.test' })).body;
    expect(search).toContain('Congrès national à Lyon');
    expect(search).not.toContain('Article décliné');
    // The same site in embedded mode.
    expect((await get('/sites/rhone/actualites/congres-national')).statusCode).toBe(200);
    // Another host: no site there (the back-office SPA owns `/` when built, else 404).
    for (const url of ['/', '/actualites/congres-national']) {
      const other = await get(url, { host: 'localhost' });
      expect([200, 404]).toContain(other.statusCode);
      expect(other.body).not.toContain('Congrès national');
      expect(other.body).not.toContain('Union du Rhône');
    }
    // The API stays reachable on a site host.
    expect((await get('/api/v1/public/sites/rhone/contents', { host: 'rhone.test' })).statusCode).toBe(200);
  });

  it('keeps sites apart: a site never serves another site’s content unless it was syndicated to it', async () => {
    expect((await get('/sites/rhone/actualites/assemblee-generale')).statusCode).toBe(404);
    expect((await get('/actualites/assemblee-generale', { host: 'rhone.test' })).statusCode).toBe(404);
    expect((await get('/sites/national/actualites/fete-locale')).statusCode).toBe(404);
    expect((await get('/api/v1/public/sites/rhone/contents/actualites/assemblee-generale')).statusCode).toBe(404);
    const rhoneList = (await get('/api/v1/public/sites/rhone/contents?limit=100')).json() as { items: { path: string }[] };
    expect(rhoneList.items.map((item) => item.path).sort()).toEqual(['/actualites/congres-national', '/actualites/fete-locale']);
    expect((await get('/sites/rhone/recherche?q=assemblee')).body).not.toContain('Assemblée générale 2026');
    expect((await get('/sites/rhone/sitemap.xml')).body).not.toContain('congres-national');
  });

  it('uses contrast-safe theme colours', async () => {
    const html = (await get('/sites/rhone')).body;
    // Yellow on white fails 4.5:1: the accent is darkened, the header text switches to ink.
    expect(html).not.toContain('--accent:#ffee00');
    expect(html).toMatch(/--on-primary:#111111/);
  });

  it('shows a publication at once (generation bump) and drops an unpublished item from pages and feeds', async () => {
    const before = await get('/sites/national/actualites');
    const etag = before.headers.etag as string;
    const { database } = testApp.testDatabase;
    const fresh = await insertContent(database, { siteId: national, entityId: ids.FR!, kind: 'article', slug: 'nouvelle', title: 'Nouvelle publication', published: false });
    expect((await get('/sites/national/actualites')).body).not.toContain('Nouvelle publication');
    await setPublished(database, fresh.id, true);
    const after = await get('/sites/national/actualites', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Nouvelle publication');
    expect((await get('/sites/national/recherche?q=nouvelle')).body).toContain('Nouvelle publication');
    await setPublished(database, fresh.id, false);
    expect((await get('/sites/national/actualites')).body).not.toContain('Nouvelle publication');
    expect((await get('/sites/national/feed.xml')).body).not.toContain('Nouvelle publication');
    expect((await get('/sites/national/recherche?q=nouvelle')).body).not.toContain('Nouvelle publication');
    expect((await get('/sites/national/actualites/nouvelle')).statusCode).toBe(404);
  });

  it('renders library images with srcset, required alt and cover images', async () => {
    const { database } = testApp.testDatabase;
    const { newId, withOwnerClient } = await import('../../../platform/db/index.js');
    const mediaId = newId();
    await withOwnerClient(database, async (client) => {
      await client.query(
        `INSERT INTO media_files (id, entity_id, kind, original_filename, mime_type, byte_size, sha256, width, height, alt, storage_key)
         VALUES ($1, $2, 'image', 'salle.jpg', 'image/jpeg', 1000, $3, 1200, 800, 'Salle comble', $4)`,
        [mediaId, ids.FR, 'a'.repeat(64), `test/${mediaId}`],
      );
      for (const width of [320, 960]) {
        await client.query(`INSERT INTO media_variants (media_id, entity_id, width, height, byte_size, storage_key) VALUES ($1, $2, $3, $4, 100, $5)`, [mediaId, ids.FR, width, Math.round(width / 1.5), `test/${mediaId}/${width}`]);
      }
    });
    await insertContent(database, {
      siteId: national,
      entityId: ids.FR!,
      kind: 'article',
      slug: 'avec-image',
      title: 'Article illustré',
      fields: { coverMediaId: mediaId },
      body: { type: 'doc', content: [{ type: 'image', attrs: { mediaId, alt: 'Les délégués "votent"' } }] },
    });
    const html = (await get('/sites/national/actualites/avec-image')).body;
    expect(html).toContain(`src="/media/${mediaId}" srcset="/media/${mediaId}/320 320w, /media/${mediaId}/960 960w"`);
    expect(html).toContain('alt="Les délégués &quot;votent&quot;"');
    expect(html).toContain(`<meta property="og:image" content="https://www.national.test/media/${mediaId}">`);
  });

  it('headless API: lists published public contents with filters and reads one by path', async () => {
    const all = await get('/api/v1/public/sites/national/contents?limit=100');
    expect(all.statusCode).toBe(200);
    const items = (all.json() as { items: { path: string; kind: string }[] }).items;
    expect(items.map((item) => item.path)).toEqual(expect.arrayContaining(['/actualites/assemblee-generale', '/qui-sommes-nous', '/accueil']));
    expect(items.map((item) => item.path)).not.toContain('/actualites/brouillon');
    const articles = (await get('/api/v1/public/sites/national/contents?filter[kind]=article&limit=2')).json() as { items: { kind: string }[]; nextCursor: string | null };
    expect(articles.items.every((item) => item.kind === 'article')).toBe(true);
    expect(articles.nextCursor).not.toBeNull();
    const byCategory = (await get('/api/v1/public/sites/national/contents?filter[category]=vie-syndicale')).json() as { items: { path: string; categories: { slug: string }[] }[] };
    expect(byCategory.items.map((item) => item.path)).toEqual(['/actualites/assemblee-generale']);
    expect(byCategory.items[0]!.categories).toEqual([{ slug: 'vie-syndicale', name: 'Vie syndicale' }]);
    const byTag = (await get('/api/v1/public/sites/national/contents?filter[tag]=Gouvernance')).json() as { items: unknown[] };
    expect(byTag.items).toHaveLength(1);
    const one = await get('/api/v1/public/sites/national/contents/actualites/assemblee-generale');
    expect(one.statusCode).toBe(200);
    const body = one.json() as { title: string; bodyHtml: string; url: string; body: { type: string } };
    expect(body.title).toBe('Assemblée générale 2026');
    expect(body.url).toBe('https://www.national.test/actualites/assemblee-generale');
    expect(body.body.type).toBe('doc');
    expect(body.bodyHtml).not.toContain('javascript:');
    expect((await get('/api/v1/public/sites/national/contents/actualites/assemblee-generale', { 'if-none-match': one.headers.etag as string })).statusCode).toBe(304);
    const syndicated = (await get('/api/v1/public/sites/rhone/contents?filter[kind]=article')).json() as { items: { path: string; syndicatedFrom: unknown; url: string }[] };
    const copy = syndicated.items.find((item) => item.path === '/actualites/congres-national');
    expect(copy?.syndicatedFrom).toEqual({ siteSlug: 'national', siteName: 'Confédération nationale' });
    expect(copy?.url).toBe('https://www.national.test/actualites/congres-national');
    expect(syndicated.items.map((item) => item.path)).not.toContain('/actualites/refusee');
    expect((await get('/api/v1/public/sites/inconnu/contents')).statusCode).toBe(404);
    expect((await get('/api/v1/public/sites/national/contents?filter[secret]=1')).statusCode).toBe(400);
  });
});
