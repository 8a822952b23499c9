import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { generateSiren } from '../identifiers/siren.js';
import type { Organization } from '../organizations/organizations.schema.js';
import type { Segment } from './segments.schema.js';

describe('segments API', () => {
  let n: CrmTestNetwork;
  let rhoneSegment: Segment;

  const createOrganization = async (siren: number, name: string, postalCode: string): Promise<Organization> => {
    const response = await n.call(n.staff.national, 'POST', '/api/v1/organizations', { siren: generateSiren(siren), name, address: { postalCode } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Organization>();
  };
  const createSegment = async (who: keyof CrmTestNetwork['staff'], body: Record<string, unknown>): Promise<Segment> => {
    const response = await n.call(n.staff[who], 'POST', '/api/v1/segments', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Segment>();
  };
  const countOf = async (who: keyof CrmTestNetwork['staff'], id: string) => n.call(n.staff[who], 'GET', `/api/v1/segments/${id}/count`);

  beforeAll(async () => {
    n = await createCrmTestNetwork('segments');
    // Two Lyon companies (attached to the Rhône union), one in Paris.
    await createOrganization(3101, 'Boulangerie des Terreaux', '69001');
    await createOrganization(3102, 'Imprimerie de la Croix-Rousse', '69004');
    await createOrganization(3103, 'Brasserie du Marais', '75004');
    await insertPerson(n.database, { entityId: n.ids['69']!, lastName: 'Martin', firstName: 'Claire' });
    await insertPerson(n.database, { entityId: n.ids['69']!, lastName: 'Martinez', firstName: 'Hugo' });
    await insertPerson(n.database, { entityId: n.ids['75']!, lastName: 'Martin', firstName: 'Paul' });
  });
  afterAll(() => n?.t.close());

  it('saves a filter of the company list, owned by the caller\'s entity', async () => {
    rhoneSegment = await createSegment('rhone', {
      name: 'Prospects du Rhône',
      target: 'organizations',
      filter: { 'filter[status]': 'prospect', 'filter[departementCode][in]': '69,01' },
    });
    expect(rhoneSegment).toMatchObject({ entityId: n.ids['69'], target: 'organizations', version: 1, createdBy: n.staff.rhone.userId });
    const again = await n.call(n.staff.rhone, 'POST', '/api/v1/segments', { name: 'Prospects du Rhône', target: 'organizations', filter: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ pointer: '/name', message: expect.stringContaining('déjà ce nom') }]);
  });

  it('refuses unknown fields, unknown operators and invalid values with a pointer to each key (422)', async () => {
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/segments', {
      name: 'Mauvais filtre',
      target: 'organizations',
      filter: {
        'filter[couleur]': 'bleu',
        'filter[name][eq]': 'Dupont',
        'filter[status]': 'vip',
        'filter[createdAt][gte]': 'hier',
        sort: 'name',
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { pointer: '/filter/filter[couleur]', message: expect.stringContaining('Champ inconnu « couleur »') },
      { pointer: '/filter/filter[name][eq]', message: expect.stringContaining('possibles : contains') },
      { pointer: '/filter/filter[status]', message: expect.stringContaining('Valeur invalide') },
      { pointer: '/filter/filter[createdAt][gte]', message: expect.stringContaining('Valeur invalide') },
      { pointer: '/filter/sort', message: expect.stringContaining("n'est pas un filtre") },
    ]);
    const badElement = await n.call(n.staff.rhone, 'POST', '/api/v1/segments', {
      name: 'Mauvais contact',
      target: 'persons',
      filter: { 'filter[entityId][in]': `${n.ids['69']},pas-un-uuid` },
    });
    expect(badElement.statusCode).toBe(422);
    expect(badElement.json().errors).toEqual([{ pointer: '/filter/filter[entityId][in]', message: expect.stringContaining('pas-un-uuid') }]);
  });

  it('counts live, under the caller\'s scope, and lists the members with the list\'s own paging', async () => {
    expect((await countOf('rhone', rhoneSegment.id)).json()).toEqual({ segmentId: rhoneSegment.id, target: 'organizations', count: 2 });
    // The region (ancestor of the Rhône) sees the segment and the same members.
    expect((await countOf('region', rhoneSegment.id)).json().count).toBe(2);
    const first = await n.call(n.staff.rhone, 'GET', `/api/v1/segments/${rhoneSegment.id}/members?limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((o: Organization) => o.name)).toEqual(['Boulangerie des Terreaux']);
    const second = await n.call(n.staff.rhone, 'GET', `/api/v1/segments/${rhoneSegment.id}/members?limit=1&cursor=${first.json().nextCursor}`);
    expect(second.json()).toMatchObject({ items: [{ name: 'Imprimerie de la Croix-Rousse' }], nextCursor: null });
    const sorted = await n.call(n.staff.rhone, 'GET', `/api/v1/segments/${rhoneSegment.id}/members?sort=-name&count=exact`);
    expect(sorted.json()).toMatchObject({ count: 2, items: [{ name: 'Imprimerie de la Croix-Rousse' }, { name: 'Boulangerie des Terreaux' }] });
    const badSort = await n.call(n.staff.rhone, 'GET', `/api/v1/segments/${rhoneSegment.id}/members?sort=siren`);
    expect(badSort.statusCode).toBe(400);
    // A new Lyon company joins the segment at once.
    await createOrganization(3104, 'Soierie de Lyon', '69002');
    expect((await countOf('rhone', rhoneSegment.id)).json().count).toBe(3);
  });

  it('keeps each branch to its own segments, and counts another branch\'s same filter on its own rows', async () => {
    const parisSegment = await createSegment('paris', { name: 'Prospects', target: 'organizations', filter: { 'filter[status]': 'prospect' } });
    expect((await countOf('paris', parisSegment.id)).json().count).toBe(1);
    for (const url of ['', '/count', '/members']) {
      expect((await n.call(n.staff.paris, 'GET', `/api/v1/segments/${rhoneSegment.id}${url}`)).statusCode).toBe(404);
      expect((await n.call(n.staff.rhone, 'GET', `/api/v1/segments/${parisSegment.id}${url}`)).statusCode).toBe(404);
    }
    const names = async (who: keyof CrmTestNetwork['staff']) =>
      (await n.call(n.staff[who], 'GET', '/api/v1/segments')).json().items.map((s: Segment) => s.name);
    expect(await names('rhone')).toEqual(['Prospects du Rhône']);
    expect(await names('paris')).toEqual(['Prospects']);
    expect(await names('national')).toEqual(['Prospects', 'Prospects du Rhône']);
    expect((await n.call(n.staff.paris, 'DELETE', `/api/v1/segments/${rhoneSegment.id}`)).statusCode).toBe(404);
    const patch = await n.call(n.staff.paris, 'PATCH', `/api/v1/segments/${rhoneSegment.id}`, { name: 'Volé' }, { 'if-match': '"1"' });
    expect(patch.statusCode).toBe(404);
  });

  it('counts contacts under RLS: a branch never counts another branch\'s persons', async () => {
    const body = { name: 'Les Martin', target: 'persons', filter: { 'filter[name][contains]': 'martin' } };
    const rhone = await createSegment('rhone', body);
    const paris = await createSegment('paris', body);
    expect((await countOf('rhone', rhone.id)).json().count).toBe(2);
    expect((await countOf('paris', paris.id)).json().count).toBe(1);
    const members = await n.call(n.staff.paris, 'GET', `/api/v1/segments/${paris.id}/members`);
    expect(members.json().items).toMatchObject([{ lastName: 'Martin', firstName: 'Paul' }]);
  });

  it('changes the filter with a merge patch under If-Match, and deletes', async () => {
    const url = `/api/v1/segments/${rhoneSegment.id}`;
    expect((await n.call(n.staff.rhone, 'PATCH', url, { name: 'Sans version' })).statusCode).toBe(428);
    const invalid = await n.call(n.staff.rhone, 'PATCH', url, { filter: { 'filter[siren][in]': '1' } }, { 'if-match': '"1"' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].pointer).toBe('/filter/filter[siren][in]');
    const patched = await n.call(n.staff.rhone, 'PATCH', url, { filter: { 'filter[status]': null } }, { 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, filter: { 'filter[departementCode][in]': '69,01' } });
    expect(patched.json().filter).not.toHaveProperty('filter[status]');
    expect((await n.call(n.staff.rhone, 'PATCH', url, { name: 'Périmé' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await n.call(n.staff.rhoneViewer, 'DELETE', url)).statusCode).toBe(403);
    expect((await n.call(n.staff.rhone, 'DELETE', url)).statusCode).toBe(204);
    expect((await n.call(n.staff.rhone, 'GET', url)).statusCode).toBe(404);
  });
});
