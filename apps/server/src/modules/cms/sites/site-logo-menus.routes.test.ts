import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import { createCmsTestNetwork, type CmsTestNetwork } from '../../../test/factories/cms-network.js';

describe('site logo and nested menus', () => {
  let n: CmsTestNetwork;
  const publicHome = async (slug: string) => (await n.t.app.inject({ method: 'GET', url: `/sites/${slug}/` })).body;
  const header = (html: string) => /<header class="site-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
  const insertMedia = async (entityId: string, kind: 'image' | 'file', alt: string | null) => {
    const id = newId();
    await withOwnerClient(n.database, (client) =>
      client.query(
        `INSERT INTO media_files (id, entity_id, kind, original_filename, mime_type, byte_size, sha256, width, height, alt, storage_key)
         VALUES ($1, $2, $3, $4, $5, 10, $6, $7, $8, $9, $10)`,
        [id, entityId, kind, kind === 'image' ? 'logo.png' : 'statuts.pdf', kind === 'image' ? 'image/png' : 'application/pdf', 'b'.repeat(64), kind === 'image' ? 240 : null, kind === 'image' ? 80 : null, alt, `test/${id}`],
      ),
    );
    return id;
  };
  const patchRhone = (who: keyof CmsTestNetwork['staff'], body: unknown) => n.call(n.staff[who], 'PATCH', `/api/v1/cms/sites/${n.sites.rhone.id}`, body, { 'if-match': '*' });

  beforeAll(async () => {
    // Read the site on every request: a saved change shows at once.
    process.env.CMS_SITE_TTL_MS = '0';
    n = await createCmsTestNetwork('sitelogo');
  });
  afterAll(async () => {
    await n?.close();
  });

  it('sets a logo from the site entity library, renders it in the public header, and clears it', async () => {
    const logo = await insertMedia(n.ids['69']!, 'image', 'Logo de l’union du Rhône');
    const saved = await patchRhone('rhoneManager', { theme: { logoMediaId: logo } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().theme.logoMediaId).toBe(logo);
    const usages = await withOwnerClient(n.database, (client) => client.query(`SELECT media_id, used_by_kind FROM media_usages WHERE used_by_id = $1`, [n.sites.rhone.id]));
    expect(usages.rows).toEqual([{ media_id: logo, used_by_kind: 'cms.site' }]);
    // The name is written beside the logo inside the home link, so the image itself is decorative.
    expect(header(await publicHome(n.sites.rhone.slug))).toMatch(new RegExp(`<a class="brand" href="/sites/${n.sites.rhone.slug}"><img src="/media/${logo}"[^>]* alt=""[^>]*><span>Union du Rhône</span></a>`));

    const cleared = await patchRhone('rhoneManager', { theme: { logoMediaId: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(header(await publicHome(n.sites.rhone.slug))).not.toContain('<img');
    const left = await withOwnerClient(n.database, (client) => client.query(`SELECT 1 FROM media_usages WHERE used_by_id = $1`, [n.sites.rhone.id]));
    expect(left.rows).toHaveLength(0);
  });

  it('refuses a logo that is not an image, lacks its alt text or is not readable by the site entity (problem+json on the field)', async () => {
    const refusedWith = async (who: keyof CmsTestNetwork['staff'], mediaId: string, message: string) => {
      const response = await patchRhone(who, { theme: { logoMediaId: mediaId } });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([{ pointer: '/theme/logoMediaId', message: expect.stringContaining(message) }]);
    };
    await refusedWith('rhoneManager', await insertMedia(n.ids['69']!, 'file', null), 'doit être une image');
    await refusedWith('rhoneManager', await insertMedia(n.ids['69']!, 'image', null), 'texte alternatif');
    await refusedWith('rhoneManager', newId(), 'introuvable');
    // Paris's file: invisible to the Rhône manager.
    await refusedWith('rhoneManager', await insertMedia(n.ids['75']!, 'image', 'Logo de Paris'), 'introuvable');
    // The national admin sees its own file, but the Rhône staff would not: refused for the Rhône site.
    await refusedWith('national', await insertMedia(n.ids.FR!, 'image', 'Logo national'), 'autre structure');
    expect((await n.call(n.staff.rhoneManager, 'GET', `/api/v1/cms/sites/${n.sites.rhone.id}`)).json().theme.logoMediaId).toBeNull();
  });

  it('renders a two-level menu as nested lists and refuses entries nested too deep', async () => {
    const menus = {
      main: [
        { label: 'L’union', url: '/qui-sommes-nous', children: [{ label: 'Nos adhérents', url: '/adherents' }, { label: 'Partenaires', url: 'https://partenaires.example/' }] },
        { label: 'Actualités', url: '/actualites' },
      ],
      footer: [],
    };
    const saved = await patchRhone('rhoneManager', { menus });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().menus).toEqual(menus);
    const base = `/sites/${n.sites.rhone.slug}`;
    expect(header(await publicHome(n.sites.rhone.slug))).toContain(
      `<nav aria-label="Navigation principale"><ul><li><a href="${base}/qui-sommes-nous">L’union</a><ul><li><a href="${base}/adherents">Nos adhérents</a></li><li><a href="https://partenaires.example/">Partenaires</a></li></ul></li><li><a href="${base}/actualites">Actualités</a></li></ul></nav>`,
    );

    const leaf = { label: 'Trop loin', url: '/loin' };
    const tooDeep = await patchRhone('rhoneManager', { menus: { main: [{ label: 'A', url: '/a', children: [{ label: 'B', url: '/b', children: [{ label: 'C', url: '/c', children: [leaf] }] }] }], footer: [] } });
    expect(tooDeep.statusCode).toBe(422);
    expect(tooDeep.headers['content-type']).toContain('application/problem+json');
    expect(tooDeep.json().errors[0].pointer).toMatch(/^\/menus\/main\/0\/children\/0\/children\/0/);
  });
});
