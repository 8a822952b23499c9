import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import { createCmsTestNetwork, paragraph, type CmsTestNetwork } from '../../../test/factories/cms-network.js';
import type { Content } from './contents.schema.js';

describe('CMS sites and contents API', () => {
  let n: CmsTestNetwork;

  beforeAll(async () => {
    n = await createCmsTestNetwork('cmsapi');
  });
  afterAll(() => n?.close());

  it('gives each entity one site; only its managers change it', async () => {
    const second = await n.call(n.staff.rhoneManager, 'POST', '/api/v1/cms/sites', { slug: 'rhone-bis', name: 'Doublon' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('site_exists');
    const host = await n.call(n.staff.rhoneManager, 'PATCH', `/api/v1/cms/sites/${n.sites.rhone.id}`, { hostNames: ['cmsapi.paris.example.org'] }, { 'if-match': '*' });
    expect(host.statusCode).toBe(409);
    expect(host.json().errors).toEqual([{ pointer: '/hostNames/0', message: expect.stringContaining('déjà utilisé') }]);
    expect((await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/sites/${n.sites.rhone.id}`, { name: 'x' }, { 'if-match': '*' })).statusCode).toBe(403);
    expect((await n.call(n.staff.parisManager, 'PATCH', `/api/v1/cms/sites/${n.sites.rhone.id}`, { name: 'x' }, { 'if-match': '*' })).statusCode).toBe(404);
    expect((await n.call(n.staff.parisManager, 'DELETE', `/api/v1/cms/sites/${n.sites.rhone.id}`, undefined, { 'if-match': '*' })).statusCode).toBe(404);
    const themed = await n.call(n.staff.rhoneManager, 'PATCH', `/api/v1/cms/sites/${n.sites.rhone.id}`, { theme: { primaryColour: '#aa0000' } }, { 'if-match': `"${n.sites.rhone.version}"` });
    expect(themed.statusCode, themed.body).toBe(200);
    expect(themed.json().theme).toMatchObject({ primaryColour: '#aa0000', accentColour: '#e4a11b' });
  });

  it('stores titles with markup as typed (escaping is delivery\'s job) and refuses control characters', async () => {
    const title = '<script>alert("x")</script> Bienvenue & à bientôt';
    const created = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, { kind: 'article', title, slug: 'bienvenue' });
    expect(created.title).toBe(title);
    const read = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/cms/contents/${created.id}`);
    expect(read.headers['content-type']).toContain('application/json');
    expect(read.json().title).toBe(title);
    const control = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/sites/${n.sites.rhone.id}/contents`, { kind: 'article', title: 'Ligne\nbrisée' });
    expect(control.statusCode).toBe(422);
    expect(control.json().errors).toEqual([{ pointer: '/title', message: expect.stringContaining('caractères de contrôle') }]);
  });

  it('validates the rich text body with pointers, and every invalid field at once', async () => {
    const response = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/sites/${n.sites.rhone.id}/contents`, {
      kind: 'article',
      title: 'Lien piégé',
      summary: 'ok',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'clic', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: expect.stringMatching(/^\/body\/content\/0\/content\/0\/marks\/0/) })]);
    const unknownNode = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/sites/${n.sites.rhone.id}/contents`, {
      kind: 'page',
      title: '',
      body: { type: 'doc', content: [{ type: 'script', text: 'x' }] },
    });
    expect(unknownNode.statusCode).toBe(422);
    const pointers = unknownNode.json().errors.map((error: { pointer: string }) => error.pointer);
    expect(pointers).toContain('/title');
    expect(pointers.some((pointer: string) => pointer.startsWith('/body/content/0'))).toBe(true);
  });

  it('builds the page tree from slugs, moves pages with their sub-pages, and refuses cycles and duplicates', async () => {
    const about = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Qui sommes-nous ?' });
    const team = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Notre équipe', parentId: about.id });
    const services = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Nos services' });
    expect(team.path).toBe('/qui-sommes-nous/notre-equipe');
    const duplicate = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/sites/${n.sites.paris.id}/contents`, { kind: 'page', title: 'Nos services' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].pointer).toBe('/slug');
    const reserved = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/sites/${n.sites.paris.id}/contents`, { kind: 'page', title: 'Actualités' });
    expect(reserved.statusCode).toBe(422);

    const moved = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${about.id}/move`, { parentId: services.id }, { 'if-match': `"${about.version}"` });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().path).toBe('/nos-services/qui-sommes-nous');
    const child = (await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/contents/${team.id}`)).json<Content>();
    expect(child.path).toBe('/nos-services/qui-sommes-nous/notre-equipe');
    const cycle = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${services.id}/move`, { parentId: team.id }, { 'if-match': '*' });
    expect(cycle.statusCode).toBe(422);
    const tree = (await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/sites/${n.sites.paris.id}/page-tree`)).json().items;
    expect(tree).toHaveLength(1);
    expect(tree[0].children[0].children[0].id).toBe(team.id);
    expect((await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/contents/${team.id}/move`, { parentId: null }, { 'if-match': '*' })).statusCode).toBe(404);

    // Reordering: a rank among the new siblings, which are renumbered 0…n-1.
    const contact = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Nous écrire' });
    const legal = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Mentions légales' });
    const titlesOf = async () => ((await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/sites/${n.sites.paris.id}/page-tree`)).json().items as Array<{ title: string; position: number }>).map((node) => `${node.position}:${node.title}`);
    expect(await titlesOf()).toEqual(['0:Mentions légales', '0:Nos services', '0:Nous écrire']);
    const first = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${legal.id}/move`, { parentId: null, position: 0 }, { 'if-match': `"${legal.version}"` });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().position).toBe(0);
    expect(await titlesOf()).toEqual(['0:Mentions légales', '1:Nos services', '2:Nous écrire']);
    const last = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${legal.id}/move`, { parentId: null, position: 99 }, { 'if-match': '*' });
    expect(last.json().position).toBe(2);
    expect(await titlesOf()).toEqual(['0:Nos services', '1:Nous écrire', '2:Mentions légales']);
    const top = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${contact.id}/move`, { parentId: null, position: 0 }, { 'if-match': '*' });
    expect(top.json().position).toBe(0);
    expect(await titlesOf()).toEqual(['0:Nous écrire', '1:Nos services', '2:Mentions légales']);
    const tree2 = (await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/sites/${n.sites.paris.id}/page-tree`)).json().items;
    expect(tree2[0].version).toBe(top.json().version);
  });

  it('keeps categories per site and checks the category ids of articles', async () => {
    const category = await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/sites/${n.sites.rhone.id}/categories`, { name: 'Formation & apprentissage' });
    expect(category.statusCode, category.body).toBe(201);
    expect(category.json().slug).toBe('formation-apprentissage');
    const categoryId = category.json().id as string;
    expect((await n.call(n.staff.parisEditor, 'GET', `/api/v1/cms/sites/${n.sites.rhone.id}/categories`)).statusCode).toBe(404);
    expect((await n.call(n.staff.parisEditor, 'PATCH', `/api/v1/cms/categories/${categoryId}`, { name: 'x' }, { 'if-match': '*' })).statusCode).toBe(404);
    const wrongSite = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/sites/${n.sites.paris.id}/contents`, { kind: 'article', title: 'Mauvaise catégorie', fields: { categoryIds: [categoryId] } });
    expect(wrongSite.statusCode).toBe(422);
    expect(wrongSite.json().errors).toEqual([{ pointer: '/fields/categoryIds/0', message: expect.any(String) }]);
    const article = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, { kind: 'article', title: 'Bien choisir son apprenti', fields: { categoryIds: [categoryId] } });
    const inUse = await n.call(n.staff.rhoneEditor, 'DELETE', `/api/v1/cms/categories/${categoryId}`, undefined, { 'if-match': '*' });
    expect(inUse.json().code).toBe('category_in_use');
    expect(article.fields.categoryIds).toEqual([categoryId]);
  });

  it('requires a document file before publication and deletes only unpublished items', async () => {
    const document = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, { kind: 'document', title: 'Barème des cotisations 2027', body: paragraph('PDF') });
    const refused = await n.call(n.staff.rhonePublisher, 'POST', `/api/v1/cms/contents/${document.id}/approve`, {});
    expect(refused.json().errors).toEqual([{ pointer: '/fields/documentMediaId', message: expect.any(String) }]);
    expect(document.path).toBe('/documents/bareme-des-cotisations-2027');
    const deleted = await n.call(n.staff.rhoneEditor, 'DELETE', `/api/v1/cms/contents/${document.id}`, undefined, { 'if-match': '*' });
    expect(deleted.statusCode).toBe(204);
    expect((await n.call(n.staff.rhoneEditor, 'GET', `/api/v1/cms/contents/${document.id}`)).statusCode).toBe(404);
  });

  it('lists with filters, cursor paging and a 400 for unknown filters', async () => {
    const first = await n.call(n.staff.national, 'GET', `/api/v1/cms/contents?filter[kind]=page&sort=title&limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(2);
    const next = await n.call(n.staff.national, 'GET', `/api/v1/cms/contents?filter[kind]=page&sort=title&limit=2&cursor=${first.json().nextCursor}`);
    expect(next.json().items.length).toBeGreaterThan(0);
    expect((await n.call(n.staff.national, 'GET', '/api/v1/cms/contents?filter[colour]=red')).statusCode).toBe(400);
    const rhone = await n.call(n.staff.rhoneViewer, 'GET', '/api/v1/cms/contents?count=exact');
    expect(rhone.json().items.every((item: Content) => item.siteId === n.sites.rhone.id)).toBe(true);
  });

  it('signs preview links for one hour', async () => {
    const page = await n.create(n.staff.parisEditor, n.sites.paris.id, { kind: 'page', title: 'Contact' });
    const link = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/contents/${page.id}/preview-link`);
    expect(link.statusCode).toBe(201);
    expect(link.json().url).toMatch(/^\/sites\/cmsapi-paris\/_preview\?token=/);
    expect(link.json().revisionId).toBe(page.currentRevisionId);
  });

  it('records the library files an item uses, and refuses images without alt text (pointer to the field)', async () => {
    const insertImage = async (alt: string | null) => {
      const id = newId();
      await withOwnerClient(n.database, (client) =>
        client.query(
          `INSERT INTO media_files (id, entity_id, kind, original_filename, mime_type, byte_size, sha256, width, height, alt, storage_key)
           VALUES ($1, $2, 'image', 'photo.jpg', 'image/jpeg', 10, $3, 100, 80, $4, $5)`,
          [id, n.ids['69'], 'a'.repeat(64), alt, `test/${id}`],
        ),
      );
      return id;
    };
    const withAlt = await insertImage('Apprentie en atelier');
    const withoutAlt = await insertImage(null);
    const article = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, { kind: 'article', title: 'Photo de couverture', fields: { coverMediaId: withAlt } });
    const usages = await withOwnerClient(n.database, (client) => client.query(`SELECT media_id, used_by_kind FROM media_usages WHERE used_by_id = $1`, [article.id]));
    expect(usages.rows).toEqual([{ media_id: withAlt, used_by_kind: 'cms.content' }]);
    const refused = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/cms/contents/${article.id}`, { fields: { coverMediaId: withoutAlt } }, { 'if-match': '*' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ pointer: '/fields/coverMediaId', message: expect.stringContaining('texte alternatif') }]);
    // Paris cannot use a Rhône file.
    const foreign = await n.call(n.staff.parisEditor, 'POST', `/api/v1/cms/sites/${n.sites.paris.id}/contents`, { kind: 'article', title: 'Emprunt', fields: { coverMediaId: withAlt } });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].pointer).toBe('/fields/coverMediaId');
  });

  it('validates menus (a content item of the same site, or a url) and keeps every write endpoint closed to other branches', async () => {
    const rhonePage = await n.create(n.staff.rhoneEditor, n.sites.rhone.id, { kind: 'page', title: 'Nos permanences' });
    const parisSite = (await n.call(n.staff.parisManager, 'GET', `/api/v1/cms/sites/${n.sites.paris.id}`)).json();
    const menus = await n.call(
      n.staff.parisManager,
      'PATCH',
      `/api/v1/cms/sites/${n.sites.paris.id}`,
      { menus: { main: [{ label: 'Permanences', contentId: rhonePage.id }, { label: 'Vide' }], footer: [{ label: 'Mentions', url: '/mentions-legales' }] } },
      { 'if-match': `"${parisSite.version}"` },
    );
    expect(menus.statusCode).toBe(422);
    expect(menus.json().errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/menus/main/0/contentId', '/menus/main/1']);
    const rhoneMenus = await n.call(n.staff.rhoneManager, 'PATCH', `/api/v1/cms/sites/${n.sites.rhone.id}`, { menus: { main: [{ label: 'Permanences', contentId: rhonePage.id }], footer: [] } }, { 'if-match': '*' });
    expect(rhoneMenus.statusCode, rhoneMenus.body).toBe(200);

    const category = (await n.call(n.staff.rhoneEditor, 'POST', `/api/v1/cms/sites/${n.sites.rhone.id}/categories`, { name: 'Permanences' })).json();
    for (const [method, url, body] of [
      ['DELETE', `/api/v1/cms/contents/${rhonePage.id}`, undefined],
      ['DELETE', `/api/v1/cms/categories/${category.id}`, undefined],
      ['POST', `/api/v1/cms/sites/${n.sites.rhone.id}/categories`, { name: 'Intrus' }],
      ['POST', `/api/v1/cms/contents/${rhonePage.id}/move`, { parentId: null }],
      ['POST', `/api/v1/cms/contents/${rhonePage.id}/submit`, undefined],
      ['POST', `/api/v1/cms/contents/${rhonePage.id}/unpublish`, undefined],
      ['GET', `/api/v1/cms/contents/${rhonePage.id}/syndication`, undefined],
    ] as const) {
      const response = await n.call(n.staff.parisManager, method, url, body, { 'if-match': '*' });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});
