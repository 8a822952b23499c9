import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { generateSiren } from '../identifiers/siren.js';
import type { Organization, OrganizationLink } from './organizations.schema.js';

const MERGE_PATCH = 'application/merge-patch+json';

/** A valid SIREN whose check digit is wrong: the last digit shifted by one. */
function withWrongCheckDigit(siren: string): string {
  return siren.slice(0, 8) + String((Number(siren[8]) + 1) % 10);
}

describe('organizations API', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let national: SignedIn;
  let rhone: SignedIn;
  let paris: SignedIn;
  let region: SignedIn; // manager of Auvergne-Rhône-Alpes, ancestor of the Rhône
  let viewer: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    const database = t.testDatabase.database;
    Object.assign(ids, (await createSmallNetwork(database)).ids);
    // La Réunion: région 04 and its union, before the first request loads the tree snapshot.
    await withOwnerClient(database, async (client) => {
      ids.R04 = newId();
      ids['974'] = newId();
      ids.R01 = newId();
      ids['971'] = newId();
      await client.query(`INSERT INTO entities (id, kind, code, name, parent_id) VALUES ($1, 'region', 'R01', 'Guadeloupe', $2)`, [ids.R01, ids.FR]);
      await client.query(`INSERT INTO entities (id, kind, code, name, parent_id) VALUES ($1, 'departement', '971', 'Union territoriale de la Guadeloupe', $2)`, [
        ids['971'],
        ids.R01,
      ]);
      await client.query(`INSERT INTO entities (id, kind, code, name, parent_id) VALUES ($1, 'region', 'R04', 'La Réunion', $2)`, [ids.R04, ids.FR]);
      await client.query(`INSERT INTO entities (id, kind, code, name, parent_id) VALUES ($1, 'departement', '974', 'Union territoriale de La Réunion', $2)`, [
        ids['974'],
        ids.R04,
      ]);
    });
    await createUser(t, { email: 'national@crm.test', roleCode: 'national_admin', entityId: ids.FR! });
    await createUser(t, { email: 'manager.69@crm.test', roleCode: 'manager', entityId: ids['69']! });
    await createUser(t, { email: 'manager.75@crm.test', roleCode: 'manager', entityId: ids['75']! });
    await createUser(t, { email: 'manager.r84@crm.test', roleCode: 'manager', entityId: ids.R84! });
    await createUser(t, { email: 'viewer.69@crm.test', roleCode: 'viewer', entityId: ids['69']! });
    national = await signIn(t.app, 'national@crm.test');
    rhone = await signIn(t.app, 'manager.69@crm.test');
    paris = await signIn(t.app, 'manager.75@crm.test');
    region = await signIn(t.app, 'manager.r84@crm.test');
    viewer = await signIn(t.app, 'viewer.69@crm.test');
  });
  afterAll(() => t.close());

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...who.headers(method),
        ...(payload !== undefined ? { 'content-type': method === 'PATCH' ? MERGE_PATCH : 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  const create = async (who: SignedIn, body: Record<string, unknown>): Promise<Organization> => {
    const response = await call(who, 'POST', '/api/v1/organizations', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Organization>();
  };

  // Companies shared by several tests; each test creates what it changes.
  let lyonBakery: Organization;
  let parisOnly: Organization;

  it('requires authentication, and the write permission to create', async () => {
    expect((await t.app.inject('/api/v1/organizations')).statusCode).toBe(401);
    const refused = await call(viewer, 'POST', '/api/v1/organizations', { siren: generateSiren(900), name: 'Lecteur' });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses an invalid SIREN, an unknown NAF code and an unknown postal code, each with its pointer and a French message', async () => {
    const response = await call(rhone, 'POST', '/api/v1/organizations', {
      siren: withWrongCheckDigit(generateSiren(1)),
      name: 'Boulangerie fantôme',
      nafCode: '99.99Z',
      address: { postalCode: '99999' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('validation_failed');
    expect(response.json().errors).toEqual([
      { pointer: '/siren', message: expect.stringContaining('clé de contrôle') },
      { pointer: '/nafCode', message: expect.stringContaining("n'existe pas dans la nomenclature NAF rév. 2") },
      { pointer: '/address/postalCode', message: expect.stringContaining("Le code postal 99999 n'existe pas") },
    ]);
    const ambiguous = await call(rhone, 'POST', '/api/v1/organizations', { siren: generateSiren(2), name: 'Ajaccio ?', address: { postalCode: '20000' } });
    expect(ambiguous.json().errors).toEqual([{ pointer: '/address/communeName', message: expect.stringContaining('plusieurs communes') }]);
  });

  it('derives the union from the commune: Lyon → Rhône (69), with NAF version and E.164 phone', async () => {
    lyonBakery = await create(rhone, {
      siren: generateSiren(10).replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3'),
      name: 'Boulangerie Pâtissière Dupont',
      legalName: 'DUPONT ET FILS SARL',
      nafCode: '1071C',
      legalForm: '5499',
      headcountBand: '03',
      address: { street: '12 rue Mercière', postalCode: '69002' },
      website: 'https://dupont.example',
      phone: '04 78 12 34 56',
    });
    expect(lyonBakery).toMatchObject({
      siren: generateSiren(10),
      nafCode: '10.71C',
      nafVersion: 'NAF_REV2',
      phone: '+33478123456',
      address: { postalCode: '69002', communeInsee: '69382', departementCode: '69' },
      version: 1,
      links: [{ entityId: ids['69'], status: 'prospect', tags: [], attachedBy: 'derived' }],
    });
  });

  it('derives Corse-du-Sud (2A) for Ajaccio and La Réunion (974) for Saint-Denis', async () => {
    const ajaccio = await create(national, { siren: generateSiren(11), name: 'Fromagerie Corse', address: { postalCode: '20000', communeName: 'Ajaccio' } });
    expect(ajaccio.address).toMatchObject({ communeInsee: '2A004', departementCode: '2A' });
    expect(ajaccio.links).toMatchObject([{ entityId: ids['2A'], attachedBy: 'derived' }]);
    const reunion = await create(national, { siren: generateSiren(12), name: 'Rhumerie de Saint-Denis', address: { postalCode: '97400' }, phone: '0262 21 00 00' });
    expect(reunion.address).toMatchObject({ communeInsee: '97411', departementCode: '974' });
    expect(reunion.links).toMatchObject([{ entityId: ids['974'], attachedBy: 'derived' }]);
    expect(reunion.phone).toBe('+262262210000');
  });

  it('attaches Saint-Barthélemy (977) to Guadeloupe (971), and leaves Saint-Pierre-et-Miquelon (975) unattached', async () => {
    const stBarth = await create(national, { siren: generateSiren(17), name: 'Voilerie de Gustavia', address: { postalCode: '97133' } });
    expect(stBarth.address.departementCode).toBe('977');
    expect(stBarth.links).toMatchObject([{ entityId: ids['971'], attachedBy: 'derived' }]);
    const spm = await create(national, { siren: generateSiren(18), name: 'Pêcherie de Miquelon', address: { postalCode: '97500', communeName: 'Saint-Pierre' } });
    expect(spm.address.departementCode).toBe('975');
    expect(spm.links).toEqual([]);
  });

  it('attaches a company registered by another branch to its own union, which the registering branch then does not see', async () => {
    const created = await create(paris, { siren: generateSiren(13), name: 'Garage des Brotteaux', address: { postalCode: '69006' } });
    expect(created.links).toEqual([]);
    const seenByRhone = (await call(rhone, 'GET', `/api/v1/organizations/${created.id}`)).json<Organization>();
    expect(seenByRhone.links).toMatchObject([{ entityId: ids['69'], attachedBy: 'derived' }]);
  });

  it('answers 409 with the existing company for a known SIREN; the caller links it instead', async () => {
    const duplicate = await call(paris, 'POST', '/api/v1/organizations', { siren: generateSiren(10), name: 'Dupont bis' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'organization_exists', errors: [{ pointer: '/siren' }] });
    expect(duplicate.headers.location).toBe(`/api/v1/organizations/${lyonBakery.id}`);
    expect(duplicate.json().detail).toContain(lyonBakery.id);

    const link = await call(paris, 'POST', `/api/v1/organizations/${lyonBakery.id}/links`, { entityId: ids['75'], status: 'member', tags: ['vip-paris'] });
    expect(link.statusCode, link.body).toBe(201);
    expect(link.json()).toMatchObject({ entityId: ids['75'], status: 'member', tags: ['vip-paris'], attachedBy: 'manual' });
    expect((await call(paris, 'POST', `/api/v1/organizations/${lyonBakery.id}/links`, { entityId: ids['75'] })).json().code).toBe('organization_already_linked');
    const elsewhere = await call(paris, 'POST', `/api/v1/organizations/${lyonBakery.id}/links`, { entityId: ids['69'] });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('shows the Rhône manager the public identity but never Paris\'s link, status or tags', async () => {
    const response = await call(rhone, 'GET', `/api/v1/organizations/${lyonBakery.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const seen = response.json<Organization>();
    expect(seen.name).toBe('Boulangerie Pâtissière Dupont');
    expect(seen.links.map((link) => link.entityId)).toEqual([ids['69']]);
    expect(JSON.stringify(seen)).not.toContain('vip-paris');
    // The region above the Rhône sees the Rhône's link; the national office sees both.
    expect((await call(region, 'GET', `/api/v1/organizations/${lyonBakery.id}`)).json<Organization>().links.map((l) => l.entityId)).toEqual([ids['69']]);
    expect((await call(national, 'GET', `/api/v1/organizations/${lyonBakery.id}`)).json<Organization>().links).toHaveLength(2);

    // filter[status] counts only the caller's own links: Paris's "member" does not make it a Rhône member.
    const members = await call(rhone, 'GET', '/api/v1/organizations?filter[status]=member');
    expect(members.json().items).toEqual([]);
    const parisMembers = await call(paris, 'GET', '/api/v1/organizations?filter[status]=member');
    expect(parisMembers.json().items.map((o: Organization) => o.id)).toEqual([lyonBakery.id]);
  });

  it('lets only staff of a linked entity edit the identity: 403 for the Rhône on a Paris-only company', async () => {
    parisOnly = await create(paris, { siren: generateSiren(14), name: 'Librairie du Marais', address: { postalCode: '75004' } });
    expect(parisOnly.links).toMatchObject([{ entityId: ids['75'] }]);
    const refused = await call(rhone, 'PATCH', `/api/v1/organizations/${parisOnly.id}`, { name: 'Intrusion' }, { 'if-match': '"1"' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('organization_not_linked');

    const url = `/api/v1/organizations/${parisOnly.id}`;
    expect((await call(paris, 'PATCH', url, { name: 'Librairie du Marais' })).statusCode).toBe(428);
    expect((await call(paris, 'PATCH', url, { name: 'X' }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const invalid = await call(paris, 'PATCH', url, { nafCode: '47.61' }, { 'if-match': '"1"' });
    expect(invalid.json().errors).toEqual([{ pointer: '/nafCode', message: expect.stringContaining('62.01Z') }]);
    const updated = await call(paris, 'PATCH', url, { legalName: 'LIBRAIRIE DU MARAIS SAS', nafCode: '47.61Z', address: { street: '3 rue des Archives' } }, { 'if-match': '"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.json()).toMatchObject({ legalName: 'LIBRAIRIE DU MARAIS SAS', nafCode: '47.61Z', nafVersion: 'NAF_REV2', address: { street: '3 rue des Archives', postalCode: '75004' } });
    expect((await call(paris, 'PATCH', url, { siren: generateSiren(15) }, { 'if-match': '"2"' })).statusCode).toBe(422);
  });

  it('lets a manager move the derived attachment to another entity they act on', async () => {
    const company = await create(region, { siren: generateSiren(16), name: 'Menuiserie Lyonnaise', address: { postalCode: '69003' } });
    const link = company.links[0]!;
    expect(link).toMatchObject({ entityId: ids['69'], attachedBy: 'derived' });
    const url = `/api/v1/organizations/${company.id}/links/${link.id}`;
    expect((await call(region, 'PATCH', url, { entityId: ids['75'] }, { 'if-match': '"1"' })).statusCode).toBe(403);
    expect((await call(paris, 'PATCH', url, { status: 'member' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    const moved = await call(region, 'PATCH', url, { entityId: ids.R84, tags: ['bois'] }, { 'if-match': '"1"' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<OrganizationLink>()).toMatchObject({ entityId: ids.R84, attachedBy: 'manual', tags: ['bois'], version: 2 });
    // The Rhône no longer holds it.
    expect((await call(rhone, 'GET', `/api/v1/organizations/${company.id}`)).json<Organization>().links).toEqual([]);
  });

  it('lists every company network-wide with filters, sort and keyset pages', async () => {
    const byDepartement = await call(rhone, 'GET', '/api/v1/organizations?filter[departementCode]=69&sort=name&count=exact');
    expect(byDepartement.json().items.map((o: Organization) => o.name)).toEqual(['Boulangerie Pâtissière Dupont', 'Garage des Brotteaux', 'Menuiserie Lyonnaise']);
    expect(byDepartement.json().count).toBe(3);
    const byNaf = await call(rhone, 'GET', '/api/v1/organizations?filter[nafCode]=47.61Z');
    expect(byNaf.json().items.map((o: Organization) => o.id)).toEqual([parisOnly.id]);
    const byName = await call(rhone, 'GET', '/api/v1/organizations?filter[name][contains]=fromagerie');
    expect(byName.json().items).toHaveLength(1);

    const seen: string[] = [];
    let url = '/api/v1/organizations?sort=-createdAt&limit=2';
    for (let page = 0; page < 10; page += 1) {
      const body = (await call(rhone, 'GET', url)).json<{ items: Organization[]; nextCursor: string | null }>();
      seen.push(...body.items.map((o) => o.id));
      if (!body.nextCursor) break;
      url = `/api/v1/organizations?sort=-createdAt&limit=2&cursor=${body.nextCursor}`;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it('finds a company without accents, with a typo, by city and by SIREN prefix, best first', async () => {
    const search = async (q: string) => {
      const response = await call(viewer, 'GET', `/api/v1/search/organizations?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Array<{ id: string; name: string; score: number }> }>().items;
    };
    for (const q of ['boulangerie', 'BOULANGERIE patissiere', 'boulengerie', 'boulangerie lyon', 'Patisière Dupond']) {
      const hits = await search(q);
      expect(hits[0]?.id, q).toBe(lyonBakery.id);
    }
    expect((await search('saint-denis')).map((hit) => hit.name)).toContain('Rhumerie de Saint-Denis');
    // "martn" is as close (0.44) to each of these five names: every one is tried, not three of them.
    const tied = ['Fromagerie Martel', 'Fromagerie Marthe', 'Fromagerie Martin', 'Fromagerie Martot', 'Fromagerie Martre'];
    for (const [index, name] of tied.entries()) await create(paris, { siren: generateSiren(60 + index), name, address: { postalCode: '75011' } });
    expect((await search('fromagerie martn')).map((hit) => hit.name)).toEqual(expect.arrayContaining(tied));
    const prefix = generateSiren(10).slice(0, 6);
    expect((await search(prefix.replace(/(\d{3})/, '$1 '))).map((hit) => hit.id)).toContain(lyonBakery.id);
    expect(await search('zzzz introuvable')).toEqual([]);
  });

  it('exports CSV with the caller\'s own statuses and tags only, and audits the export', async () => {
    const response = await call(rhone, 'GET', '/api/v1/organizations?filter[departementCode]=69&sort=name', undefined, { accept: 'text/csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('id,siren,name');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('Boulangerie Pâtissière Dupont');
    expect(lines[1]).toContain(',prospect,');
    expect(response.body).not.toContain('vip-paris');
    expect(response.body).not.toContain('member');

    const parisCsv = await call(paris, 'GET', '/api/v1/organizations?filter[departementCode]=69&sort=name', undefined, { accept: 'text/csv' });
    expect(parisCsv.body).toContain('vip-paris');

    const { rows } = await t.testDatabase.database.pool.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE action = 'crm.organization.exported'`,
    );
    expect(rows).toHaveLength(2);
  });

  it('records every write in the audit trail', async () => {
    const { rows } = await t.testDatabase.database.pool.query<{ action: string; entity_id: string | null }>(
      `SELECT action, entity_id FROM audit_events WHERE resource_id = $1 OR (resource_type = 'organization_link' AND changes::text LIKE $2) ORDER BY occurred_at, id`,
      [parisOnly.id, `%${parisOnly.id}%`],
    );
    expect(rows.map((row) => row.action)).toEqual(['crm.organization.created', 'crm.organization_link.created', 'crm.organization.updated']);
    expect(rows[1]!.entity_id).toBe(ids['75']);
  });

  it('detaches a company from an entity under If-Match, refusing while it is a member there; other branches cannot', async () => {
    const company = await create(paris, { siren: generateSiren(40), name: 'Atelier du Temple', address: { postalCode: '75003' } });
    const link = company.links[0]!;
    const url = `/api/v1/organizations/${company.id}/links/${link.id}`;
    expect((await call(rhone, 'DELETE', url, undefined, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await call(viewer, 'DELETE', url, undefined, { 'if-match': '"1"' })).statusCode).toBe(403);
    expect((await call(paris, 'DELETE', url)).statusCode).toBe(428);
    expect((await call(paris, 'PATCH', url, { status: 'member' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    expect((await call(paris, 'DELETE', url, undefined, { 'if-match': '"1"' })).statusCode).toBe(412);
    const member = await call(paris, 'DELETE', url, undefined, { 'if-match': '"2"' });
    expect(member.statusCode).toBe(409);
    expect(member.json()).toMatchObject({ code: 'organization_link_member', errors: [{ pointer: '/status' }] });
    expect((await call(paris, 'PATCH', url, { status: 'former_member' }, { 'if-match': '"2"' })).statusCode).toBe(200);
    expect((await call(paris, 'DELETE', url, undefined, { 'if-match': '"3"' })).statusCode).toBe(204);
    // The company stays in the network (public identity), no longer followed by Paris.
    const after = await call(paris, 'GET', `/api/v1/organizations/${company.id}`);
    expect(after.statusCode).toBe(200);
    expect(after.json<Organization>().links).toEqual([]);
    const { rows } = await t.testDatabase.database.pool.query<{ entity_id: string }>(
      `SELECT entity_id FROM audit_events WHERE action = 'crm.organization_link.deleted' AND resource_id = $1`,
      [link.id],
    );
    expect(rows).toEqual([{ entity_id: ids['75'] }]);
  });
});
